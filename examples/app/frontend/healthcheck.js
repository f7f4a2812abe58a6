// @ts-check
// Run by the image's exec-form HEALTHCHECK (there is no shell or curl in the image).
import { request } from 'node:http';

const port = process.env.PORT || '8080';
const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 3000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timed out after 3000 ms')));
req.on('error', (err) => {
  console.error(`healthcheck: GET http://127.0.0.1:${port}/healthz failed: ${err.message}`);
  process.exit(1);
});
req.end();
