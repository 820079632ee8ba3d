// Reads the resolved compose configuration (docker-compose config) on stdin and reports the build
// contexts, Dockerfiles and bind-mounted files that do not exist: `config -q` does not look at them, and a
// missing init script would leave PostgreSQL without the services' databases.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const missing = [];
for (const [name, service] of Object.entries(parse(input).services ?? {})) {
  if (service.build) {
    const context = typeof service.build === "string" ? service.build : service.build.context;
    const dockerfile = resolve(context, service.build.dockerfile ?? "Dockerfile");
    if (!existsSync(context)) missing.push(`${name}: build context ${context}`);
    else if (!existsSync(dockerfile)) missing.push(`${name}: ${dockerfile}`);
  }
  for (const volume of service.volumes ?? []) {
    // docker-compose 1.x prints "source:target[:mode]", 2.x {type, source, target}
    const source = typeof volume === "string" ? volume.split(":")[0] : volume.type === "bind" ? volume.source : null;
    if (source && source.startsWith("/") && !existsSync(source)) missing.push(`${name}: bind mount ${source}`);
  }
}
for (const path of missing) console.error(`  missing for ${path}`);
process.exit(missing.length > 0 ? 1 : 0);
