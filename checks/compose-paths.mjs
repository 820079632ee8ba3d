// Reads the resolved compose configuration (docker-compose config) on stdin and reports the build
// contexts, Dockerfiles and bind-mounted files that do not exist: `config -q` does not look at them, and a
// missing init script would leave PostgreSQL without the services' databases. Also reports ports published
// on every interface: the stack trusts the development JWT key and well-known passwords, so it must be
// reachable from this machine only.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const missing = [];
const exposed = [];
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
  for (const port of service.ports ?? []) {
    // 1.x prints "host_ip:published:target" (no host_ip: every interface), 2.x {host_ip, published, target}
    const hostIp = typeof port === "string" ? (port.split(":").length === 3 ? port.split(":")[0] : null) : port.host_ip;
    if (hostIp !== "127.0.0.1") exposed.push(`${name}: port ${typeof port === "string" ? port : port.published}`);
  }
}
for (const port of exposed) console.error(`  published on every interface, bind it to 127.0.0.1: ${port}`);
for (const path of missing) console.error(`  missing for ${path}`);
process.exit(missing.length + exposed.length > 0 ? 1 : 0);
