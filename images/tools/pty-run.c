// pty-run: runs a program on a new pseudo-terminal and copies bytes both ways between its own standard
// input/output and that terminal (what `script` does, without the typescript), then exits with the
// program's exit code (128+N if signal N killed it).
// minidockd needs it for `run -it` and `exec -it`: its standard input and output are the client's TCP
// connection, and crun, asked for a terminal in the foreground, puts its own standard input in raw
// mode first, which only works on a terminal. Docker's shim holds the container's console the same way.
// Usage: pty-run PROGRAM [ARG...]
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

// Writes all of buffer, however many calls it takes; false when the other side is gone.
static int write_all(int fd, const char *buffer, ssize_t length) {
  while (length > 0) {
    ssize_t written = write(fd, buffer, (size_t)length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return 0;
    buffer += written;
    length -= written;
  }
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: pty-run PROGRAM [ARG...]\n");
    return 2;
  }
  int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
    fprintf(stderr, "pty-run: cannot open a pseudo-terminal: %s\n", strerror(errno));
    return 1;
  }
  struct winsize size = {.ws_row = 24, .ws_col = 80};
  ioctl(master, TIOCSWINSZ, &size);
  pid_t child = fork();
  if (child < 0) {
    fprintf(stderr, "pty-run: fork: %s\n", strerror(errno));
    return 1;
  }
  if (child == 0) {
    // A session of its own, whose controlling terminal is the new one (opened first after setsid).
    setsid();
    int terminal = open(ptsname(master), O_RDWR);
    if (terminal < 0) _exit(127);
    dup2(terminal, 0);
    dup2(terminal, 1);
    dup2(terminal, 2);
    if (terminal > 2) close(terminal);
    execvp(argv[1], argv + 1);
    fprintf(stderr, "pty-run: cannot run %s: %s\n", argv[1], strerror(errno));
    _exit(127);
  }
  // Input until it ends, output until the program's side of the terminal is closed (read fails with EIO).
  struct pollfd fds[2] = {{.fd = 0, .events = POLLIN}, {.fd = master, .events = POLLIN}};
  char buffer[4096];
  for (;;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents) {
      ssize_t got = read(0, buffer, sizeof buffer);
      if (got <= 0 || !write_all(master, buffer, got)) fds[0].fd = -1; // no more input: stop reading it
    }
    if (fds[1].revents) {
      ssize_t got = read(master, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0 || !write_all(1, buffer, got)) break;
    }
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
