/// The Python program that starts every sandboxed run (`python3 -I -u -c <source> memory
/// directory program`): it disables core dumps, moves into the private working directory,
/// reads the model's program from its file (and deletes the file), caps the address space at
/// `memory` bytes, and runs the program as `__main__` under the name `<code>`.
///
/// Tracebacks show the program's own frames and lines, not the bootstrap's; a syntax error
/// shows where it is. Either ends the run with status 1.
enum PythonBootstrap {
    static let source = """
        def _frontier_bootstrap():
            import linecache, os, resource, sys, traceback
            limit, directory, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            os.chdir(directory)
            with open(path, encoding="utf-8", errors="replace") as file:
                source = file.read()
            os.remove(path)
            sys.argv = ["<code>"]
            linecache.cache["<code>"] = (len(source), None, source.splitlines(True), "<code>")
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            try:
                program = compile(source, "<code>", "exec")
            except (SyntaxError, ValueError) as error:
                traceback.print_exception(type(error), error, None)
                sys.exit(1)
            namespace = globals()
            del namespace["_frontier_bootstrap"]
            try:
                exec(program, namespace)
            except SystemExit:
                raise
            except BaseException as error:
                traceback.print_exception(type(error), error, error.__traceback__.tb_next)
                sys.exit(1)
        _frontier_bootstrap()
        """

    /// The interpreter's arguments for running the program in `program` with `memory` bytes
    /// of address space, in `directory`.
    static func arguments(memory: Int, directory: String, program: String) -> [String] {
        ["-I", "-u", "-c", source, String(memory), directory, program]
    }
}
