import contextlib
import os
import sys

from .cli import main
from .problems import os_reason


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


try:
    code = main()
    sys.stdout.flush()  # inside the try: a full disk or a closed pipe is seen here, not at exit
except KeyboardInterrupt:
    # Ctrl+C: what was being built has been cleaned up on the way out; one line, the shell's code.
    # Leave at once: waiting at exit for PDF jobs still queued would only delay (and could be
    # interrupted again); the workers end with this process (workers.py).
    print("\nĐã dừng (Ctrl+C).", file=sys.stderr)
    sys.stderr.flush()
    with contextlib.suppress(OSError):
        sys.stdout.flush()
    os._exit(130)
except BrokenPipeError:
    # Output piped into `head` or similar that stopped reading: not an error worth a traceback.
    _quiet_stdout()
    code = 1
except OSError as exc:
    _quiet_stdout()
    print(f"python -m generator: lỗi: không ghi được kết quả ra ({os_reason(exc)})", file=sys.stderr)
    code = 1
sys.exit(code)
