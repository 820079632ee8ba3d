// A media type needs an example (or examples), so Swagger UI and generated docs show a real body.
export default function hasExample(mediaType) {
  if (mediaType && (mediaType.example !== undefined || mediaType.examples !== undefined)) {
    return [];
  }
  return [{ message: "The body has no example." }];
}
