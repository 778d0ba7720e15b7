// unix-connect: connects to a unix socket and runs a program with the connection on a file descriptor
// of its choosing. bash opens TCP connections itself (/dev/tcp/HOST/PORT) but has no way to open a
// unix socket; minidock's client re-runs itself through this to talk to /var/run/minidock.sock.
// Usage: unix-connect PATH FD PROGRAM [ARG...]
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: unix-connect PATH FD PROGRAM [ARG...]\n");
    return 2;
  }
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  char *end;
  long fd = strtol(argv[2], &end, 10);
  if (*end != '\0' || fd < 3 || fd > 9) {
    fprintf(stderr, "unix-connect: FD must be 3 to 9 (0, 1 and 2 stay the program's own)\n");
    return 2;
  }
  if (strlen(argv[1]) >= sizeof address.sun_path) {
    fprintf(stderr, "unix-connect: path too long: %s\n", argv[1]);
    return 2;
  }
  strcpy(address.sun_path, argv[1]);
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  if (sock < 0 || connect(sock, (struct sockaddr *)&address, sizeof address) < 0) {
    // Refused: the file is there but nobody accepts on it, a server that died without removing it.
    fprintf(stderr, "unix-connect: cannot connect to %s: %s%s\n", argv[1], strerror(errno),
            errno == ECONNREFUSED ? " (is its server running?)" : "");
    return 1;
  }
  if (sock != fd && (dup2(sock, (int)fd) < 0 || close(sock) < 0)) {
    fprintf(stderr, "unix-connect: %s\n", strerror(errno));
    return 1;
  }
  execvp(argv[3], argv + 3);
  fprintf(stderr, "unix-connect: cannot run %s: %s\n", argv[3], strerror(errno));
  return 127;
}
