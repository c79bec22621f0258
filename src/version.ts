// Kept in step with package.json by test/unit/config.test.ts, so start-up reads no file.
export const NAME = 'ml-stop-mcp';
export const VERSION = '0.1.0';
export const USER_AGENT = `${NAME}/${VERSION}`;
