-- KEYS[1]: the secret hash. ARGV: ownerId, sealedBlob, expiresAtMs.
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'blob', ARGV[2], 'expiresAtMs', ARGV[3])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 1
