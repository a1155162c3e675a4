/** Runs once when a server process starts: validate configuration, migrate, start the outbox and webhooks. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` may load this too; the configuration belongs to the server that runs the build.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getConfig, ConfigError } = await import('@/lib/config');
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (error) {
    // `npm start` refuses before listening (scripts/start.ts); this covers `next start` run
    // directly, which is already listening: stop rather than answer every request with a 500.
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Rate limits need the client's real address, which Next does not pass to actions.
  (await import('@/lib/auth/socket-address')).installSocketAddressHeader();
  const { getDb, getDbKind } = await import('@/db/client');
  await getDb();
  console.log(
    `[laurel] ${config.mode} mode, database ready (${await getDbKind()}), public URL ${config.appUrl}`,
  );
  if (config.isDemoMode) {
    console.warn(
      '[laurel] WARNING: demo mode without RESEND_API_KEY, so emails are not sent. ' +
        'They are kept at /dev/mailbox, which anyone who can reach this server can read. Never run a public server like this.',
    );
  }
  const { startOutboxWorker } = await import('@/lib/email/worker');
  startOutboxWorker();
  // Bulk CSV awards: poll every second for running jobs, resuming any a stopped process left half done.
  (await import('@/lib/bulk/worker')).startBulkWorker();
  // Webhooks: deliveries are polled next to the mail outbox, in every process.
  const { startWebhookWorker } = await import('@/lib/webhooks/worker');
  startWebhookWorker();
}
