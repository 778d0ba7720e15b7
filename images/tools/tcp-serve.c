// tcp-serve: accepts TCP connections on one address and port and runs a program for each, with the
// connection as the program's standard input and output (what inetd, tcpsvd and `nc -ll -e` do), so
// a shell script can be a network service: minidockd's API and minidock-registry are served this way.
// Unlike busybox nc, it listens on the address it is given: 127.0.0.1 keeps a service off the network,
// reachable from this machine only.
// Usage: tcp-serve ADDRESS PORT PROGRAM [ARG...]
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

// Reaps finished connection handlers. (Ignoring SIGCHLD instead, as busybox nc does, would be
// inherited by the handlers, and a shell that cannot wait for its children misbehaves.)
static void reap(int signal_number) {
  (void)signal_number;
  int saved = errno;
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }
  errno = saved;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: tcp-serve ADDRESS PORT PROGRAM [ARG...]\n");
    return 2;
  }
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[2]))};
  if (inet_pton(AF_INET, argv[1], &address.sin_addr) != 1) {
    fprintf(stderr, "tcp-serve: not an IPv4 address: %s\n", argv[1]);
    return 2;
  }
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int on = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) < 0 || listen(listener, 16) < 0) {
    fprintf(stderr, "tcp-serve: cannot listen on %s:%s: %s\n", argv[1], argv[2], strerror(errno));
    return 1;
  }
  struct sigaction on_child = {.sa_handler = reap, .sa_flags = SA_RESTART | SA_NOCLDSTOP};
  sigaction(SIGCHLD, &on_child, NULL);
  for (;;) {
    int connection = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (connection < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      fprintf(stderr, "tcp-serve: accept: %s\n", strerror(errno));
      return 1;
    }
    pid_t pid = fork();
    if (pid == 0) {
      signal(SIGCHLD, SIG_DFL);
      dup2(connection, 0);
      dup2(connection, 1);
      execv(argv[3], argv + 3);
      fprintf(stderr, "tcp-serve: cannot run %s: %s\n", argv[3], strerror(errno));
      _exit(127);
    }
    close(connection);
  }
}
