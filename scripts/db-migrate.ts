import { connect, resolveConnectOptions } from "@/db/connect";

const database = await connect(resolveConnectOptions());
try {
  await database.migrate();
  console.log(`Migrationen angewandt (${database.kind}).`);
} finally {
  await database.close();
}
