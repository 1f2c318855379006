// npm webdav-server 2.x (its v2 API) serving the directory WDS_ROOT on 127.0.0.1:WDS_PORT with its
// stock options (no auth; maxRequestDepth 1, so an explicit Depth: infinity is refused; dead
// properties and locks kept in memory). Started by ../webdav-server.sh.
import { v2 as webdav } from 'webdav-server';

const root = process.env.WDS_ROOT;
const port = Number(process.env.WDS_PORT);
if (!root || !port) throw new Error('WDS_ROOT and WDS_PORT are required');

// 2.6.3 throws from inside a callback while it rolls back a partly failed PROPPATCH
// (Proppatch.js: "Cannot read properties of undefined (reading 'value')"), which would end the
// process: log it and keep serving, as a deployed server would be kept up.
process.on('uncaughtException', (err) => {
  console.error(`uncaught: ${err && err.stack ? err.stack : err}`);
});

const server = new webdav.WebDAVServer({ hostname: '127.0.0.1', port, rootFileSystem: new webdav.PhysicalFileSystem(root) });
server.start(() => console.log(`listening on 127.0.0.1:${port}`));
