// Validates the AsyncAPI event catalogue and cross-checks it against the golden samples.
// Usage: node checks/asyncapi.mjs <asyncapi.yaml> <contracts-dir>
//
// 1. Parses and validates the document with @asyncapi/parser (the AsyncAPI 3.0.0 JSON Schema and the parser's
//    core rules), plus one rule the parser applies only to AsyncAPI 2 documents: every message example must
//    validate against the message's payload and headers schemas (re-using the parser's own rule function).
//    Every diagnostic is printed; any error (severity 0) fails the check.
// 2. Every contracts/<topic>/<Event>.json must be an example of message <Event> on the channel whose address is
//    <topic>, equal to the file's JSON; every example named "golden" must come from such a file.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';
import { messageExamples } from '@asyncapi/parser/cjs/ruleset/v2/functions/messageExamples.js';

const [documentPath, contractsDir] = process.argv.slice(2);
if (!documentPath || !contractsDir) {
  console.error('usage: node asyncapi.mjs <asyncapi.yaml> <contracts-dir>');
  process.exit(2);
}
const GOLDEN = 'golden';
const rel = (p) => path.relative(process.cwd(), p) || p;

const parser = new Parser({
  ruleset: {
    extends: [{
      rules: {
        'clientdesk-message-examples': {
          description: 'Message examples must validate against the "payload" and "headers" schemas (as asyncapi2-message-examples, for AsyncAPI 3).',
          message: '{{error}}',
          severity: 'error',
          given: ['$.components.messages.*', '$.channels.*.messages.*'],
          then: { function: messageExamples },
        },
      },
    }],
  },
});

let failed = false;
const counts = { 0: 0, 1: 0, 2: 0, 3: 0 };

// --- 1. the standard validation --------------------------------------------------------------------------
let parsed;
try {
  parsed = await fromFile(parser, documentPath).parse();
} catch (e) {
  console.error(`asyncapi: ${rel(documentPath)}: cannot be read or parsed: ${e.message}`);
  process.exit(1);
}
const seen = new Set();
for (const d of parsed.diagnostics) {
  const where = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '?';
  const line = `${rel(documentPath)}:${where} ${DiagnosticSeverity[d.severity].toLowerCase()} ${d.code}` +
    ` ${d.path.length ? d.path.join('.') : '(root)'}: ${d.message}`;
  if (seen.has(line)) continue; // a message reached both through its channel and components is reported once
  seen.add(line);
  counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  console.log(line);
}
console.log(`asyncapi: ${counts[0]} error(s), ${counts[1]} warning(s), ${counts[2]} info, ${counts[3]} hint(s)`);
if (counts[0] > 0 || !parsed.document) failed = true;

// --- 2. the golden samples ---------------------------------------------------------------------------------
const document = parsed.document;
if (!document) {
  console.log('asyncapi: contracts cross-check skipped: the document did not parse');
} else {
  const problems = [];
  const samples = [];
  for (const topic of (await readdir(contractsDir, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    for (const file of (await readdir(path.join(contractsDir, topic.name))).filter((f) => f.endsWith('.json')).sort()) {
      const file_ = path.join(contractsDir, topic.name, file);
      try {
        samples.push({ topic: topic.name, event: file.slice(0, -'.json'.length), file: file_,
          json: JSON.parse(await readFile(file_, 'utf8')) });
      } catch (e) {
        problems.push(`${rel(file_)}: not JSON: ${e.message}`);
      }
    }
  }

  const channelsByAddress = new Map();
  for (const channel of document.channels()) channelsByAddress.set(channel.address(), channel);
  const sampleKeys = new Set(samples.map((s) => `${s.topic}/${s.event}`));

  for (const sample of samples) {
    const where = rel(sample.file);
    const channel = channelsByAddress.get(sample.topic);
    if (!channel) {
      problems.push(`${where}: no channel has the address "${sample.topic}"`);
      continue;
    }
    const message = channel.messages().all().find((m) => m.name() === sample.event);
    if (!message) {
      problems.push(`${where}: channel "${sample.topic}" has no message named "${sample.event}"`);
      continue;
    }
    const examples = message.examples().all();
    if (examples.some((ex) => isDeepStrictEqual(ex.payload(), sample.json))) continue;
    const golden = examples.find((ex) => ex.name() === GOLDEN) ?? examples[0];
    problems.push(golden
      ? `${where}: the example "${golden.name() ?? 0}" of ${sample.event} on "${sample.topic}" differs from the file: ` +
        firstDifference(golden.payload(), sample.json)
      : `${where}: message ${sample.event} on "${sample.topic}" has no example; add the file's content as one named "${GOLDEN}"`);
  }

  // An example that claims to be a golden sample must have one behind it.
  for (const channel of document.channels()) {
    for (const message of channel.messages()) {
      for (const ex of message.examples()) {
        if (ex.name() === GOLDEN && !sampleKeys.has(`${channel.address()}/${message.name()}`)) {
          problems.push(`${rel(documentPath)}: ${message.name()} on "${channel.address()}" has an example named ` +
            `"${GOLDEN}" but there is no ${path.join(rel(contractsDir), channel.address(), `${message.name()}.json`)}`);
        }
      }
    }
  }

  for (const p of problems) console.log(`contracts: error ${p}`);
  const unsampled = [];
  for (const channel of document.channels()) {
    if (!channel.address() || channel.address().endsWith('.dlt')) continue;
    for (const message of channel.messages()) {
      if (!sampleKeys.has(`${channel.address()}/${message.name()}`)) unsampled.push(`${channel.address()}/${message.name()}`);
    }
  }
  console.log(`contracts: ${samples.length} golden sample(s) checked, ${problems.length} error(s)`);
  if (unsampled.length) console.log(`contracts: info: no golden sample for ${unsampled.join(', ')}`);
  if (problems.length) failed = true;
}

console.log(failed ? 'asyncapi: FAILED' : 'asyncapi: ok');
process.exit(failed ? 1 : 0);

/** A short description of the first place where two JSON values differ. */
function firstDifference(actual, expected, at = '') {
  if (isDeepStrictEqual(actual, expected)) return null;
  const isObj = (v) => v !== null && typeof v === 'object';
  if (isObj(actual) && isObj(expected) && Array.isArray(actual) === Array.isArray(expected)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    for (const k of keys) {
      if (!(k in actual)) return `${at}/${k} is missing from the example (file has ${JSON.stringify(expected[k])})`;
      if (!(k in expected)) return `${at}/${k} is in the example (${JSON.stringify(actual[k])}) but not in the file`;
      const d = firstDifference(actual[k], expected[k], `${at}/${k}`);
      if (d) return d;
    }
  }
  return `${at || '/'}: example has ${JSON.stringify(actual)}, file has ${JSON.stringify(expected)}`;
}
