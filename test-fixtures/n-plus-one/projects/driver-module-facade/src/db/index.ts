// valid
import * as postgres from "./postgres.js";
import * as sqlite from "./sqlite.js";

const connection = { connectionString: process.env.DATABASE_URL ?? "", filename: process.env.SQLITE_FILE ?? "" };
const isSQLite = !!process.env.SQLITE_FILE;

// The driver is chosen by configuration when the process starts; both modules export the same functions.
const pickDriver = (): any => {
  let driver = null;
  if (isSQLite) driver = sqlite;
  else driver = postgres;
  driver.init(connection);
  return driver;
};

const driver = pickDriver();

const db = {
  isSQLite,
  ...driver,
  tablePrefix: () => (isSQLite ? "" : `"public".`),
};
export default db;
