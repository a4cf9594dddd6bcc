import { parseArgs } from "node:util";
import { connect, resolveConnectOptions } from "@/db/connect";
import { AppError } from "@/lib/errors";
import { createUserFromCli } from "@/lib/users/create-user-from-cli";

/** npm run user:create -- --email … --name … --org … [--admin] [--password …] */
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    org: { type: "string" },
    "org-kind": { type: "string" },
    admin: { type: "boolean", default: false },
    password: { type: "string" },
  },
});

const database = await connect(resolveConnectOptions());
try {
  await database.migrate();
  const result = await createUserFromCli(database.db, {
    email: values.email ?? "",
    name: values.name ?? "",
    organisation: values.org ?? "",
    organisationKind: values["org-kind"],
    isAdmin: values.admin ?? false,
    password: values.password,
  });
  console.log(`Benutzer ${result.email} angelegt${result.isAdmin ? " (Administration)" : ""}.`);
  if (result.generatedPassword)
    console.log(`Vorläufiges Passwort (bitte nach der ersten Anmeldung ändern): ${result.generatedPassword}`);
  if (result.createdOrganisation) console.log(`Organisation „${result.organisation}“ neu angelegt.`);
} catch (error) {
  if (error instanceof AppError) {
    console.error(error.message);
    for (const [field, message] of Object.entries(error.fieldErrors)) console.error(`  --${field}: ${message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
