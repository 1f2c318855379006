#!/usr/bin/env python3
"""Run a command with its stdout and/or stderr on pseudo-terminals and report what each received.

usage: pty-run.py [--stdout pty|pipe] [--stderr pty|pipe|same] [--stdin null|stderr] [--cols N]
                  [--timeout S] [--type TEXT --when PATTERN] -- CMD...

  --stderr same   stdout and stderr share one terminal (what a person at a shell sees); the
                  combined bytes are reported as "stdout".
  --stdin stderr  stdin is the terminal of stderr (as at a shell); default: /dev/null.
  --type TEXT     once PATTERN has appeared on stderr, type TEXT on that terminal (a person
                  answering a prompt); whatever the terminal echoes shows up in "stderr".

Output post-processing (ONLCR) is switched off, so the bytes reported are exactly those written.
Prints one JSON object: {"code", "timedOut", "stdout", "stderr"} (text decoded as UTF-8).
"""
import argparse
import json
import os
import select
import signal
import struct
import subprocess
import sys
import time

import fcntl
import termios


def open_pty(cols):
    master, slave = os.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST  # no \n -> \r\n translation
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 40, cols, 0, 0))
    return master, slave


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--stdout', choices=['pty', 'pipe'], default='pty')
    ap.add_argument('--stderr', choices=['pty', 'pipe', 'same'], default='pty')
    ap.add_argument('--cols', type=int, default=120)
    ap.add_argument('--timeout', type=float, default=20)
    ap.add_argument('--stdin', choices=['null', 'stderr'], default='null')
    ap.add_argument('--type', dest='typed', default=None)
    ap.add_argument('--when', default='')
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ['--'] else a.cmd

    readers = {}  # fd -> name
    to_close = []
    out_master = None
    if a.stdout == 'pty':
        out_master, out_slave = open_pty(a.cols)
        stdout = out_slave
        readers[out_master] = 'stdout'
        to_close.append(out_slave)
    else:
        stdout = subprocess.PIPE
    if a.stderr == 'same':
        if out_master is None:
            sys.exit('--stderr same needs --stdout pty')
        stderr = stdout
    elif a.stderr == 'pty':
        err_master, err_slave = open_pty(a.cols)
        if a.stdin == 'stderr':
            # A terminal as a shell has it: input echoed, lines edited (what the prompt must switch off).
            attrs = termios.tcgetattr(err_slave)
            attrs[3] |= termios.ECHO | termios.ICANON
            termios.tcsetattr(err_slave, termios.TCSANOW, attrs)
        stderr = err_slave
        readers[err_master] = 'stderr'
        to_close.append(err_slave)
    else:
        stderr = subprocess.PIPE

    stdin = subprocess.DEVNULL
    if a.stdin == 'stderr':
        if a.stderr != 'pty':
            sys.exit('--stdin stderr needs --stderr pty')
        stdin = err_slave
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr, start_new_session=True)
    for fd in to_close:
        os.close(fd)
    if proc.stdout is not None:
        readers[proc.stdout.fileno()] = 'stdout'
    if proc.stderr is not None:
        readers[proc.stderr.fileno()] = 'stderr'

    got = {'stdout': b'', 'stderr': b''}
    deadline = time.monotonic() + a.timeout
    timed_out = False
    while readers:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            break
        ready, _, _ = select.select(list(readers), [], [], min(left, 0.5))
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the last writer of a pty closed it
                data = b''
            if data:
                got[readers[fd]] += data
                if a.typed is not None and readers[fd] == 'stderr' and a.when.encode() in got['stderr']:
                    os.write(fd, a.typed.encode())
                    a.typed = None
            else:
                del readers[fd]
    code = proc.wait()
    print(json.dumps({
        'code': code,
        'timedOut': timed_out,
        'stdout': got['stdout'].decode('utf-8', 'replace'),
        'stderr': got['stderr'].decode('utf-8', 'replace'),
    }))


if __name__ == '__main__':
    main()
