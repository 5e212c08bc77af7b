# Adds lock entries for optional platform packages the registry mirror here does not serve (404), so `npm ci`
# accepts the lock; npm skips them on other platforms by os/cpu. Run after `npm install`: python3 scripts/complete-lockfile.py
import json,re,subprocess,sys
lock=json.load(open('package-lock.json'))
pk=lock['packages']
added=0
for path,meta in list(pk.items()):
    for name,ver in (meta.get('optionalDependencies') or {}).items():
        base=path+'/node_modules/'+name if path else 'node_modules/'+name
        top='node_modules/'+name
        if base in pk or top in pk: continue
        entry={'version':ver.lstrip('^~'),'optional':True}
        m=re.search(r'(android|darwin|linux|win32|freebsd|openbsd|netbsd|sunos|aix|openharmony|wasm32|wasi)',name)
        if m and m.group(1) not in ('wasm32','wasi'): entry['os']=[m.group(1)]
        c=re.search(r'(arm64|x64|ia32|arm|riscv64|ppc64|s390x|loong64|mips64el)',name)
        if c: entry['cpu']=[c.group(1)]
        if 'musl' in name: entry['libc']=['musl']
        elif 'gnu' in name: entry['libc']=['glibc']
        pk[top]=entry; added+=1
json.dump(lock,open('package-lock.json','w'),indent=2); open('package-lock.json','a').write('\n')
print('added',added)
