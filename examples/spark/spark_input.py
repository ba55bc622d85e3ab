"""The input of the Spark jobs, as the batch tool reads it: the files of a path or glob,
folders walked as the tool walks them, and their lines cut as the tool cuts them. Used by the
driver of both jobs (wordmill_spark.py, wordmill_spark_arrow.py)."""

import os
import re
import stat
import sys

# The extensions of the files the batch tool reads in a folder (examples/batch/input.rs).
EXTENSIONS = (".txt", ".jsonl", ".ndjson")


def input_files(sc, pattern, outputs=()):
    """The files of `pattern`, in the order the batch tool reads them: a file as named, a
    folder's files of EXTENSIONS recursively in name order (a folder's entries sorted by
    name, each folder read where its name comes), a glob's matches in name order. On any
    file system Hadoop knows (Spark's own listing of a folder is in no set order).

    `outputs` (option, local path) are refused, as the batch tool refuses its own, when one
    is an input file or a file of EXTENSIONS in an input folder: written, it would destroy
    what is read, or be read back by the next run."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    found = fs.globStatus(path)
    if not found:
        sys.exit(f"{_program()}: {pattern}: no such file or folder")
    files = []
    local = []
    # Each local file once, by device and inode, as the tool reads it: a symbolic link into
    # the inputs, a linked folder, a hard link or overlapping globs reach it again.
    read_as = {}

    def second_name(status, named):
        """Whether the file is skipped: a second name of a file read (warned), or no regular
        file in a folder (warned; named, refused: Spark reads regular files only)."""
        real = _local_path(status.getPath())
        if real is None:
            return False
        try:
            info = os.stat(real)
        except OSError:
            return False  # Spark says why when it reads it
        if not stat.S_ISREG(info.st_mode):
            if named:
                sys.exit(f"{_program()}: {status.getPath()}: not a regular file; Spark reads regular files only")
            print(f"{_program()}: warning: {status.getPath()}: not a regular file: skipped", file=sys.stderr)
            return True
        first = read_as.setdefault((info.st_dev, info.st_ino), str(status.getPath()))
        if first != str(status.getPath()):
            print(f"{_program()}: warning: {status.getPath()}: the same file as {first}: skipped, its documents are read once", file=sys.stderr)
            return True
        return False

    walked = set()

    def walk(status, named):
        name = status.getPath().getName()
        if status.isDirectory():
            # A folder reached again (a link to it, or to one above it: a loop) is walked
            # once.
            real = _local_path(status.getPath())
            if real is not None:
                if real in walked:
                    print(f"{_program()}: warning: {status.getPath()}: the folder {real}, walked already: skipped", file=sys.stderr)
                    return
                walked.add(real)
            # Python orders str by code point, which is UTF-8's byte order: walkdir's.
            for child in sorted(fs.listStatus(status.getPath()), key=lambda s: s.getPath().getName()):
                walk(child, False)
        elif named or name.lower().endswith(EXTENSIONS):
            # (First: a second name is skipped whatever it is called.)
            if second_name(status, named):
                return
            # Hadoop's input formats skip such names, even when named: never drop a file
            # without a word.
            if name.startswith((".", "_")):
                sys.exit(f"{_program()}: {status.getPath()}: Spark skips files whose names start with '.' or '_'; rename it")
            # Hadoop cuts a list of paths at commas, and counts braces even escaped, so
            # that a comma after one no longer separates two.
            if any(c in str(status.getPath()) for c in ",{}"):
                sys.exit(f"{_program()}: {status.getPath()}: Spark reads a list of files separated by commas, where a name may hold no comma or brace; rename it")
            # A colon in a name reads as a URI's scheme ("c:d.jsonl"), which Hadoop refuses
            # with a Java stack trace when the job starts.
            if ":" in name:
                sys.exit(f"{_program()}: {status.getPath()}: Hadoop cannot read a file whose name holds a colon; rename it")
            files.append(str(status.getPath()))
            local.append(status.getPath())

    for status in sorted(found, key=lambda s: str(s.getPath())):
        walk(status, True)
    if not files:
        sys.exit(f"{_program()}: {pattern}: no {', '.join(EXTENSIONS)} files")
    # The folders walked, through links too: an output there is read by the next run.
    folders = sorted(walked) or [_local_path(s.getPath()) for s in found if s.isDirectory()]
    _refuse_outputs_among_inputs(outputs, [_local_path(p) for p in local], folders, read_as)
    return files


def job_outputs(args):
    """The files a job writes (its --records and --stats), for `read_lines`' check."""
    return [("--records", args.records), ("--stats", args.stats)]


def _local_path(path):
    """The real path of a Hadoop Path on the local file system, or None on another file
    system, where no local output can be. (From its URI's parts: the Path's string is not
    escaped, and a name with `#`, `?` or `%` is no URI to parse.)"""
    uri = path.toUri()
    if uri.getScheme() not in (None, "file"):
        return None
    return os.path.realpath(uri.getPath())


def _refuse_outputs_among_inputs(outputs, files, folders, identities=()):
    """Exits when an output is one of the input `files` (by name, or by device and inode
    among `identities`: a hard link) or, with an extension the walk reads, inside one of the
    `folders` walked (real local paths, None for other file systems), or when two outputs
    are one file."""
    seen = {}
    for option, path in outputs:
        real = os.path.realpath(path)
        if real in seen:
            sys.exit(f"{_program()}: {seen[real]} and {option} name the same file ({path}): each needs its own")
        seen[real] = option
        try:
            info = os.stat(real)
            hard_link = (info.st_dev, info.st_ino) in identities
        except OSError:
            hard_link = False
        if real in files or hard_link:
            sys.exit(f"{_program()}: {option} {path} is also an input: writing it would destroy what is read")
        for folder in filter(None, folders):
            inside = os.path.commonpath([folder, real]) == folder
            if inside and real.lower().endswith(EXTENSIONS):
                sys.exit(f"{_program()}: {option} {path} is in the input folder {folder} and would be read as input: write it elsewhere")


def read_lines(sc, pattern, partitions, outputs=()):
    """The lines of the files of `pattern` in input order, in at least `partitions`
    partitions, cut at "\n" alone, as the batch tool cuts them: Hadoop's default line reader
    also ends a line at a lone "\r", which JSON allows between tokens (one document became two
    error records). A "\r" before the "\n" stays on the line, where the tool drops it.

    `outputs` are checked as `input_files` says, before anything is read."""
    # Glob characters in a name stand for themselves.
    files = [re.sub(r"([\\\[\]*?])", r"\\\1", f) for f in input_files(sc, pattern, outputs)]
    # Read when the tasks run, not when the RDD is made: set for the session (this job's
    # own), not only around textFile.
    sc._jsc.hadoopConfiguration().set("textinputformat.record.delimiter", "\n")
    return sc.textFile(",".join(files), minPartitions=partitions)


def _program():
    """The name of the job running, for its messages."""
    return os.path.splitext(os.path.basename(sys.argv[0]))[0]


def part_files(folder):
    """The names of Spark's part files in `folder`, in partition order: by number, since
    part-100000 comes after part-99999 but sorts before it by name."""
    def number(name):
        digits = name[len("part-") :].split(".")[0].split("-")[0]
        return int(digits) if digits.isdigit() else -1
    return sorted((n for n in os.listdir(folder) if n.startswith("part-")), key=lambda n: (number(n), n))
