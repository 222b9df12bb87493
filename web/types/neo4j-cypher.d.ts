// The Neo4j Cypher editor packages ship their typings under src/, but their package.json "exports"
// hide them from TypeScript's bundler resolution; these declarations point at the shipped ones.
declare module "@neo4j-cypher/react-codemirror" {
  export * from "@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts";
}
declare module "@neo4j-cypher/codemirror" {
  export * from "@neo4j-cypher/codemirror/src/codemirror.d.ts";
}
