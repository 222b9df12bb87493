// title: Schema
// description: Constraints and indexes of the knowledge graph. Applied by `npm start` and `npm run import`; idempotent.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_name_en IF NOT EXISTS FOR (n:Entity) ON (n.nameEn);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameEn, n.aliases]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
