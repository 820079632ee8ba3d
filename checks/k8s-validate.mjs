// Validates rendered Kubernetes manifests: node k8s-validate.mjs <label> <file.yaml>
//
// Each document is checked by the kubernetes-models class for its apiVersion and kind (generated from the
// Kubernetes OpenAPI schemas). An apiVersion/kind without such a class is an error, never skipped.
// Those validators ignore fields the schema does not declare, so a typo such as `replica:` would pass;
// Kubernetes itself drops such fields silently (or warns). To catch them, the document is handed to the
// validator behind a Proxy that records which properties the validator reads: the compiled validators read
// every property their schema declares and iterate every key of a map, so a key of a validated object that
// was never read is not part of the schema.
import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";

const [label, file] = process.argv.slice(2);
if (!label || !file) {
  console.error("usage: node k8s-validate.mjs <label> <file.yaml>");
  process.exit(2);
}

const isPlainObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Wraps value so that every property read on it or below it is recorded in `read` (object -> keys). */
function tracked(value, read) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === "string") {
        if (!read.has(target)) read.set(target, new Set());
        read.get(target).add(key);
      }
      return tracked(Reflect.get(target, key, receiver), read);
    },
  });
}

/** Keys of objects the validator looked into but never read. Objects it never looked into are free-form. */
function unknownFields(value, read, path, found) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => unknownFields(item, read, `${path}[${index}]`, found));
  } else if (isPlainObject(value)) {
    const known = read.get(value);
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (known && !known.has(key)) {
        found.push(childPath);
      } else {
        unknownFields(child, read, childPath, found);
      }
    }
  }
  return found;
}

async function modelFor(apiVersion, kind) {
  // "apps/v1" -> kubernetes-models/apps/v1/Deployment; the core group "v1" -> kubernetes-models/v1/Service
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return undefined;
  }
  try {
    const model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
    // Only top-level kinds carry apiVersion and kind (DeploymentSpec would import, but is not a kind).
    return model && model.apiVersion === apiVersion && model.kind === kind ? model : undefined;
  } catch (error) {
    if (error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || error.code === "ERR_MODULE_NOT_FOUND") {
      return undefined;
    }
    throw error;
  }
}

const problems = [];
const documents = parseAllDocuments(await readFile(file, "utf8"));
let checked = 0;
for (const [index, document] of documents.entries()) {
  for (const error of document.errors) {
    problems.push(`document ${index + 1}: YAML: ${error.message}`);
  }
  if (document.errors.length > 0) continue;
  const manifest = document.toJS();
  if (manifest === null || manifest === undefined) continue;
  if (!isPlainObject(manifest)) {
    problems.push(`document ${index + 1}: not a mapping`);
    continue;
  }
  const { apiVersion, kind } = manifest;
  const name = `${kind ?? "?"}/${manifest.metadata?.name ?? "?"}`;
  checked++;
  const model = await modelFor(String(apiVersion), String(kind));
  if (!model) {
    problems.push(`${name}: unknown apiVersion/kind ${apiVersion}/${kind} (no Kubernetes schema for it)`);
    continue;
  }
  const read = new WeakMap();
  try {
    // Model.prototype.validate runs the schema's validator on `this`: here, the tracked raw document.
    model.prototype.validate.call(tracked(manifest, read));
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
  if (!read.has(manifest)) {
    problems.push(`${name}: the validator did not inspect the document, so its fields cannot be checked`);
  }
  for (const field of unknownFields(manifest, read, "", [])) {
    problems.push(`${name}: unknown field ${field}`);
  }
}

if (checked === 0) {
  problems.push("no documents rendered");
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${label}: ${problem}`);
  process.exit(1);
}
console.log(`  ${label}: ${checked} documents valid`);
