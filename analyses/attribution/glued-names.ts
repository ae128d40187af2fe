/** Words glued by scraping: moved to the text layer (src/text/glued-names.ts), which mentions use too. */
export { cueSideOfSeams, gluePoints, nameBeforeSeam } from '../../src/text/glued-names.js';
