// An operation's responses must include at least one 4xx, and every 4xx/5xx must be problem+json.
export default function errorResponses(responses) {
  const errors = Object.keys(responses || {}).filter((status) => /^[45]/.test(status));
  const problems = [];
  if (!errors.some((status) => status.startsWith("4"))) {
    problems.push({ message: "The operation declares no 4xx response." });
  }
  for (const status of errors) {
    const content = (responses[status] || {}).content || {};
    if (!content["application/problem+json"]) {
      problems.push({ message: `Response ${status} is not application/problem+json.`, path: [status] });
    }
  }
  return problems;
}
