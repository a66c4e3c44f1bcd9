"""Data layer: the file schema and reader, the course data loaders and the seeded generator.
May use the domain (the generator simulates with the engine); the domain never imports it."""
