/// Executes a plan graph against models, tools and a store (ARCHITECTURE.md, "Execution").
public enum Engine {}
