// What cli-table3 gets for `require('string-width')` in the bundle (scripts/build.mjs):
// our display width, so it pads cells as our fitting measured them.
module.exports = require('../text/width.ts').textWidth;
