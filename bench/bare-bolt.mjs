// The baseline for bench/startup.ts: a bare Bolt app (HTTP receiver, one /authgear command that only acks),
// started the same way as the bot (`node <file>`), reading the same .env, pointed at the same Slack fake.
import { App, LogLevel } from '@slack/bolt';

process.loadEnvFile('.env');
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});
app.command('/authgear', async ({ ack }) => {
  await ack('ok');
});
await app.start(Number(process.env.PORT));
