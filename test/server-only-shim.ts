// `server-only` throws outside React's server build; tests and scripts run plain Node.
export {};
