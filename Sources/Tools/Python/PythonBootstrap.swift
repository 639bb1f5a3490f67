/// The Python program that starts every sandboxed run (`python3 -I -u -c <source> memory
/// directory program`): it disables core dumps, moves into the private working directory,
/// reads the model's program from its file (and deletes the file), caps the address space at
/// `memory` bytes, contains the program, and runs it as `__main__` under the name `<code>`.
///
/// Containment is an audit hook (PEP 578) that cannot be removed once installed: writing,
/// creating, renaming or deleting files outside the working directory, starting processes, and
/// loading native code through `ctypes` raise `PermissionError` with a sentence saying what
/// was refused. Together with the private directory, the rlimits, the clean environment and
/// the network namespace, this keeps a model's program to its own directory; it is a guard
/// against mistakes and careless programs, not a boundary against an attacker with native code.
///
/// Tracebacks show the program's own frames and lines, not the bootstrap's; a syntax error
/// shows where it is. Either ends the run with status 1.
enum PythonBootstrap {
    static let source = """
        def _frontier_contain(home):
            import os, sys
            realpath, join, sep = os.path.realpath, os.path.join, os.sep
            writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
            inside = lambda path: path == home or path.startswith(home + sep)
            def check(path, action):
                if isinstance(path, int) or path is None:
                    return
                if isinstance(path, bytes):
                    path = os.fsdecode(path)
                full = realpath(join(home, os.fspath(path)))
                if not inside(full) and full != "/dev/null":
                    raise PermissionError(
                        f"sandbox: {action} outside the working directory is not allowed: {full}")
            paths = {"os.remove": 1, "os.rmdir": 1, "os.mkdir": 1, "os.chmod": 1, "os.chown": 1,
                     "os.truncate": 1, "os.utime": 1, "os.rename": 2, "os.link": 2,
                     "os.symlink": 2, "shutil.rmtree": 1, "shutil.copyfile": 2,
                     "shutil.copytree": 2, "shutil.move": 2}
            refused = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
                       "os.fork", "os.forkpty", "pty.spawn", "ctypes.dlopen", "ctypes.dlsym",
                       "ctypes.cdata", "os.setuid", "sys.addaudithook"}
            def hook(event, args):
                if event == "open":
                    path, mode, flags = args
                    writing = (mode is not None and any(c in str(mode) for c in "wax+")) or (
                        mode is None and flags & writes)
                    if writing:
                        check(path, "writing")
                elif event in paths:
                    for path in args[:paths[event]]:
                        check(path, event.split(".")[-1])
                elif event in refused:
                    raise PermissionError(f"sandbox: {event} is not allowed")
                elif event == "import" and args[0] in ("_posixsubprocess", "_ctypes"):
                    raise PermissionError(f"sandbox: importing {args[0]} is not allowed")
            sys.addaudithook(hook)
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
            _frontier_contain(os.path.realpath(directory))
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
