// sock-serve: accepts connections on a unix socket or a TCP address and runs a program for each, with
// the connection as the program's standard input and output (what inetd, tcpsvd and `nc -ll -e` do),
// so a shell script can be a service: minidockd's API and minidock-registry are served this way.
// A unix socket is a file: only who may open it (root, mode 0660) can talk to the service, and no
// other machine can reach it, which is why Docker's API is /var/run/docker.sock by default. On TCP it
// listens on the address it is given (unlike busybox nc): 127.0.0.1 keeps a service on this machine.
// Usage: sock-serve unix:PATH PROGRAM [ARG...]
//        sock-serve ADDRESS:PORT PROGRAM [ARG...]      (an IPv4 address)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
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

// A unix socket's file outlives the process that made it. If one is there but nobody accepts on it
// (its server died), it is removed; if a server answers, this one must not take its place.
static int bind_unix(int listener, const struct sockaddr_un *address) {
  if (bind(listener, (const struct sockaddr *)address, sizeof *address) == 0) return 0;
  if (errno != EADDRINUSE) return -1;
  int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int answered = probe >= 0 && connect(probe, (const struct sockaddr *)address, sizeof *address) == 0;
  if (probe >= 0) close(probe);
  if (answered) {
    errno = EADDRINUSE;
    return -1;
  }
  unlink(address->sun_path);
  return bind(listener, (const struct sockaddr *)address, sizeof *address);
}

static int listen_unix(const char *path) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof address.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  strcpy(address.sun_path, path);
  int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0 || bind_unix(listener, &address) < 0 || chmod(path, 0660) < 0 || listen(listener, 16) < 0) return -1;
  return listener;
}

static int listen_tcp(const char *host_and_port) {
  char host[64];
  const char *colon = strrchr(host_and_port, ':');
  if (!colon || (size_t)(colon - host_and_port) >= sizeof host) {
    errno = EINVAL;
    return -1;
  }
  memcpy(host, host_and_port, (size_t)(colon - host_and_port));
  host[colon - host_and_port] = '\0';
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(colon + 1))};
  if (inet_pton(AF_INET, host, &address.sin_addr) != 1) {
    errno = EINVAL;
    return -1;
  }
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int on = 1;
  if (listener < 0) return -1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0 || listen(listener, 16) < 0) return -1;
  return listener;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: sock-serve unix:PATH|ADDRESS:PORT PROGRAM [ARG...]\n");
    return 2;
  }
  const char *where = argv[1];
  int listener = strncmp(where, "unix:", 5) == 0 ? listen_unix(where + 5) : listen_tcp(where);
  if (listener < 0) {
    fprintf(stderr, "sock-serve: cannot listen on %s: %s\n", where, strerror(errno));
    return 1;
  }
  struct sigaction on_child = {.sa_handler = reap, .sa_flags = SA_RESTART | SA_NOCLDSTOP};
  sigaction(SIGCHLD, &on_child, NULL);
  for (;;) {
    int connection = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (connection < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      fprintf(stderr, "sock-serve: accept: %s\n", strerror(errno));
      return 1;
    }
    pid_t pid = fork();
    if (pid == 0) {
      signal(SIGCHLD, SIG_DFL);
      dup2(connection, 0);
      dup2(connection, 1);
      execv(argv[2], argv + 2);
      fprintf(stderr, "sock-serve: cannot run %s: %s\n", argv[2], strerror(errno));
      _exit(127);
    }
    close(connection);
  }
}
