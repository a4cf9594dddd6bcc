import { afterEach, describe, expect, it } from "vitest";
import { databaseAvailable, noteDatabaseOutage, registerDatabaseProbe } from "./database-outage";

describe("database outage note", () => {
  afterEach(() => registerDatabaseProbe(async () => true));

  it("costs nothing while no outage was noted: the database is not even pinged", async () => {
    let pings = 0;
    registerDatabaseProbe(async () => (pings++, false));
    expect(await databaseAvailable()).toBe(true);
    expect(pings).toBe(0);
  });

  it("after an outage was noted, pings until the database answers, then forgets the outage", async () => {
    let up = false;
    let pings = 0;
    registerDatabaseProbe(async () => {
      pings++;
      if (!up) throw new Error("ECONNREFUSED");
      return true;
    });
    noteDatabaseOutage();
    expect(await databaseAvailable()).toBe(false);
    expect(await databaseAvailable()).toBe(false);
    up = true;
    expect(await databaseAvailable()).toBe(true);
    expect(await databaseAvailable()).toBe(true);
    expect(pings).toBe(3);
  });
});
