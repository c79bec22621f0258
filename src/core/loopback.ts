// Names that only reach this machine: never proxied (unless ML_STOP_PROXY_LOOPBACK is set), and always accepted as
// Host by the HTTP transport.
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
