import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { typeName } from "./crawler.ts";

/** The standard's own JSON schemas, copied unchanged into packages/oparl/schema (CC BY-SA 4.0, see its LICENSE). */
export const schemaDir = fileURLToPath(new URL("../../schema/", import.meta.url));
/** Samråd's own schemas for its vendor object types (packages/oparl/src/vendor-schema). */
export const vendorSchemaDir = fileURLToPath(new URL("../vendor-schema/", import.meta.url));

// ajv-formats is CommonJS; under ESM its default export may be wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export function oparlValidator() {
  // The schemas escape ":" in patterns (invalid under the u flag) and use a non-standard "url" format.
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("url", (s: string) => {
    try {
      const u = new URL(s);
      return u.protocol === "https:" || u.protocol === "http:";
    } catch {
      return false;
    }
  });
  // OParl's date-time is `yyyy-mm-ddThh:mm:ss±hh:mm`; hold the server to exactly that form.
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  const validators = new Map<string, ValidateFunction>();
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(`${schemaDir}${file}`, "utf8")) as Record<string, unknown>;
    const name = file.replace(/\.json$/, "");
    // The files carry no $id; they name each other by file name ("schema": "File.json"), so register them so.
    ajv.addSchema(schema, file);
    const validate = ajv.getSchema(file);
    if (validate) validators.set(name, validate);
  }
  // Samråd's vendor types (`samraad:…`), which the standard has no schema for: ours, held to the same checks.
  for (const file of readdirSync(vendorSchemaDir).filter((f) => f.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(`${vendorSchemaDir}${file}`, "utf8")) as Record<string, unknown>;
    const key = `samraad:${file}`;
    ajv.addSchema(schema, key);
    const validate = ajv.getSchema(key);
    if (validate) validators.set(`samraad:${file.replace(/\.json$/, "")}`, validate);
  }
  return {
    types: [...validators.keys()],
    /** Errors of one object against the schema its `type` names (empty when valid). */
    errors(o: { type: string; [key: string]: unknown }): string[] {
      const validate = validators.get(typeName(o));
      if (!validate) return [`no schema for type ${o.type}`];
      return validate(o) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
    },
  };
}
