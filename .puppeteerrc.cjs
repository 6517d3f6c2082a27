/**
 * Puppeteer configuration: never download a browser during `npm ci`.
 * flagship finds a browser itself (FLAGSHIP_BROWSER / PUPPETEER_EXECUTABLE_PATH,
 * system Chrome/Chromium, puppeteer's cache); `npm run setup` gets one if none.
 */
module.exports = { skipDownload: true };
