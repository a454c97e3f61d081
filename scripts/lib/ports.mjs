import net from 'node:net';

/** Resolves to `preferred` when it is free on 127.0.0.1, else to a free port chosen by the OS. */
export async function findFreePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  return (preferred ? await tryPort(preferred) : null) ?? (await tryPort(0));
}
