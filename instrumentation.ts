/** Runs once when a server process starts: validate configuration, migrate, start the outbox and webhooks. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig, ConfigError } = await import('@/lib/config');
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (error) {
    // A clear list of what is wrong, not a stack trace; the server does not start without it.
    if (error instanceof ConfigError) console.error(error.message);
    throw error;
  }
  // Rate limits need the client's real address, which Next does not pass to actions.
  (await import('@/lib/auth/socket-address')).installSocketAddressHeader();
  const { getDb, getDbKind } = await import('@/db/client');
  await getDb();
  console.log(`[laurel] database ready (${await getDbKind()}), public URL ${config.appUrl}`);
  if (config.isDemoMode) {
    console.warn(
      '[laurel] WARNING: demo mode — RESEND_API_KEY is not set, so emails are not sent. ' +
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
