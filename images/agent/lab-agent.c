/*
 * lab-agent: the guest half of Isolation Lab's check channel, on /dev/ttyS1.
 *
 * The host runs shell scripts in the guest through this agent so that checks never type into, or read
 * from, the learner's terminal on ttyS0. The wire format is line-based ASCII so that a host which joins
 * mid-stream (after a snapshot restore) can resynchronise on the next newline; payloads are base64 so
 * binary output and multi-line scripts cross the serial line intact.
 *
 * host -> guest (one request per line, <id> is a per-request nonce chosen by the host):
 *   R <id> <base64 script>   run the script with /bin/bash -c in a new session; stream its output
 *   K <id>                   SIGKILL the process group of running request <id>
 *   P <id>                   ping: answered at once, proves the agent is alive
 *   W <id> <rows> <cols>     set the window size of /dev/ttyS0 (the learner's console)
 *   S <id> <unix_ms> <hex>   a restored snapshot resumes: set the guest clock (it resumes stale), stir
 *                            <hex> (fresh host entropy) into the kernel's random pool, and answer with the
 *                            boot id on stdout
 *   Q <id> <reading> <args>  a reading the page takes every few seconds, answered by the agent itself from
 *                            /proc and cgroupfs (see "readings" below): as a script it started bash and a
 *                            dozen programs, ~0.4 s of the one emulated CPU each time
 * guest -> host (every frame starts with "LAB1 ", other lines are ignored by the host):
 *   LAB1 READY <boot_id>             the agent (re)started
 *   LAB1 OUT <id> <fd> <base64>      a chunk of the request's stdout (fd 1) or stderr (fd 2)
 *   LAB1 EXIT <id> <status> <signal> the request finished; signal is non-zero when it was killed
 *
 * The agent never blocks on the serial line: output is queued and written when the tty can take it,
 * and children's pipes are only read while the queue has room, so a command that prints megabytes is
 * slowed down instead of exhausting the agent's memory, and a cancel request is still read meanwhile.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/serial.h>

#define MAX_JOBS 8
#define MAX_LINE (4 * 1024 * 1024) /* the longest request line (a base64 script) we accept */
#define CHUNK 3072                 /* raw bytes per OUT frame: 4096 base64 characters */
#define OUT_HIGH_WATER (64 * 1024) /* stop reading children's pipes above this much queued output */
#define ID_MAX 64

struct job {
  int used;
  pid_t pid;
  int exited;
  int status;
  int fds[2]; /* stdout, stderr read ends; -1 once closed */
  char id[ID_MAX + 1];
};

static struct job jobs[MAX_JOBS];
static int tty = -1;

/* ---- output queue ---------------------------------------------------------------------------- */

static char *outq;
static size_t outq_len, outq_cap, outq_off;

static void outq_append(const char *data, size_t n) {
  if (outq_off > 0 && outq_off == outq_len) outq_off = outq_len = 0;
  if (outq_len + n > outq_cap) {
    if (outq_off > 0) { /* compact before growing */
      memmove(outq, outq + outq_off, outq_len - outq_off);
      outq_len -= outq_off;
      outq_off = 0;
    }
    while (outq_len + n > outq_cap) outq_cap = outq_cap ? outq_cap * 2 : 65536;
    outq = realloc(outq, outq_cap);
    if (!outq) _exit(70);
  }
  memcpy(outq + outq_len, data, n);
  outq_len += n;
}

static size_t outq_pending(void) { return outq_len - outq_off; }

static void frame(const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n > 0) outq_append(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void flush_some(void) {
  while (outq_pending() > 0) {
    ssize_t w = write(tty, outq + outq_off, outq_pending());
    if (w > 0) {
      outq_off += (size_t)w;
    } else if (w < 0 && errno == EINTR) {
      continue;
    } else {
      return; /* EAGAIN: poll tells us when the tty drains */
    }
  }
}

/* ---- base64 ---------------------------------------------------------------------------------- */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t b64_encode(const unsigned char *in, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)in[i] << 16;
    if (i + 1 < n) v |= (unsigned)in[i + 1] << 8;
    if (i + 2 < n) v |= in[i + 2];
    out[o++] = b64chars[(v >> 18) & 63];
    out[o++] = b64chars[(v >> 12) & 63];
    out[o++] = i + 1 < n ? b64chars[(v >> 6) & 63] : '=';
    out[o++] = i + 2 < n ? b64chars[v & 63] : '=';
  }
  return o;
}

static int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/* Decodes in place; returns the decoded length or -1 on a malformed string. */
static long b64_decode(char *s) {
  size_t len = strlen(s), o = 0;
  unsigned acc = 0;
  int bits = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '=') break;
    int v = b64_value(s[i]);
    if (v < 0) return -1;
    acc = (acc << 6) | (unsigned)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      s[o++] = (char)((acc >> bits) & 0xff);
    }
  }
  s[o] = '\0';
  return (long)o;
}

/* ---- jobs ------------------------------------------------------------------------------------ */

static struct job *find_job(const char *id) {
  for (int i = 0; i < MAX_JOBS; i++)
    if (jobs[i].used && strcmp(jobs[i].id, id) == 0) return &jobs[i];
  return NULL;
}

static void reply_error(const char *id, int status, const char *message) {
  char enc[512];
  size_t n = b64_encode((const unsigned char *)message, strlen(message), enc);
  enc[n] = '\0';
  frame("LAB1 OUT %s 2 %s\n", id, enc);
  frame("LAB1 EXIT %s %d 0\n", id, status);
}

static void start_job(const char *id, char *script) {
  struct job *job = NULL;
  if (find_job(id)) return reply_error(id, 125, "lab-agent: duplicate request id\n");
  for (int i = 0; i < MAX_JOBS && !job; i++)
    if (!jobs[i].used) job = &jobs[i];
  if (!job) return reply_error(id, 125, "lab-agent: too many requests running\n");

  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) < 0) return reply_error(id, 125, "lab-agent: pipe failed\n");
  if (pipe2(err, O_CLOEXEC) < 0) {
    close(out[0]);
    close(out[1]);
    return reply_error(id, 125, "lab-agent: pipe failed\n");
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(out[0]), close(out[1]), close(err[0]), close(err[1]);
    return reply_error(id, 125, "lab-agent: fork failed (is the guest out of processes?)\n");
  }
  if (pid == 0) {
    setsid(); /* own process group: a cancel kills the whole script, never the agent */
    signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL); /* the agent blocks SIGCHLD; the script must not inherit that */
    /* The agent is shielded from the OOM killer; the commands it runs must not be. */
    int adj = open("/proc/self/oom_score_adj", O_WRONLY);
    if (adj >= 0) {
      (void)!write(adj, "0\n", 2);
      close(adj);
    }
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    if (chdir("/root") < 0) (void)!chdir("/");
    /* bash by name, not whatever /bin/sh is: busybox ash runs its own applets in preference to the
       programs on PATH, so under ash a check calling `unshare`, `setpriv`, `ip` or `mount` would get
       busybox's cut-down versions (no `setpriv --reuid`, ...) instead of the util-linux/iproute2 tools
       the learner's bash runs. /bin/sh is only the fallback for an image without bash. */
    execl("/bin/bash", "bash", "-c", script, (char *)NULL);
    execl("/bin/sh", "sh", "-c", script, (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  memset(job, 0, sizeof *job);
  job->used = 1;
  job->pid = pid;
  job->fds[0] = out[0];
  job->fds[1] = err[0];
  snprintf(job->id, sizeof job->id, "%s", id);
}

/* Reads one chunk from a job's pipe; returns 0 at end of file. */
static int pump(struct job *job, int which) {
  unsigned char buf[CHUNK];
  char enc[CHUNK / 3 * 4 + 4];
  ssize_t n = read(job->fds[which], buf, sizeof buf);
  if (n > 0) {
    size_t e = b64_encode(buf, (size_t)n, enc);
    frame("LAB1 OUT %s %d ", job->id, which + 1);
    outq_append(enc, e);
    outq_append("\n", 1);
    return 1;
  }
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 1;
  close(job->fds[which]);
  job->fds[which] = -1;
  return 0;
}

static void finish_if_done(struct job *job) {
  if (!job->used || !job->exited) return;
  /* The script has exited, so everything it wrote is already in its pipes: take what is there now.
     A background process it left running may keep a pipe open; we do not wait for that one. */
  for (int which = 0; which < 2; which++)
    while (job->fds[which] >= 0 && pump(job, which)) {
      if (job->fds[which] >= 0) {
        struct pollfd p = {job->fds[which], POLLIN, 0};
        if (poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP))) break;
      }
    }
  for (int which = 0; which < 2; which++)
    if (job->fds[which] >= 0) close(job->fds[which]);
  int code = WIFEXITED(job->status) ? WEXITSTATUS(job->status) : 128 + WTERMSIG(job->status);
  int sig = WIFSIGNALED(job->status) ? WTERMSIG(job->status) : 0;
  frame("LAB1 EXIT %s %d %d\n", job->id, code, sig);
  job->used = 0;
}

static void reap_children(void) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (int i = 0; i < MAX_JOBS; i++) {
      if (jobs[i].used && jobs[i].pid == pid) {
        jobs[i].exited = 1;
        jobs[i].status = status;
        finish_if_done(&jobs[i]);
      }
    }
  }
}

/* ---- readings -------------------------------------------------------------------------------- */

/* The agent's own UTS namespace, to come back to after reading a container's hostname. */
static int own_uts = -1;

struct text {
  char *data;
  size_t len, cap;
};

static void text_add(struct text *t, const char *fmt, ...) {
  va_list ap;
  for (;;) {
    size_t room = t->cap - t->len;
    va_start(ap, fmt);
    int n = vsnprintf(t->data ? t->data + t->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < room) {
      t->len += (size_t)n;
      return;
    }
    t->cap = t->cap ? t->cap * 2 + (size_t)n : 4096 + (size_t)n;
    t->data = realloc(t->data, t->cap);
    if (!t->data) _exit(70);
  }
}

/* Answers a request with `t` on stdout (fd 1) or stderr (2), in OUT frames as a script's output would be,
   then EXIT with `status`. */
static void reply_text(const char *id, const struct text *t, int fd, int status) {
  char enc[CHUNK / 3 * 4 + 4];
  for (size_t off = 0; off < t->len; off += CHUNK) {
    size_t n = t->len - off < CHUNK ? t->len - off : CHUNK;
    size_t e = b64_encode((const unsigned char *)t->data + off, n, enc);
    frame("LAB1 OUT %s %d ", id, fd);
    outq_append(enc, e);
    outq_append("\n", 1);
  }
  frame("LAB1 EXIT %s %d 0\n", id, status);
}

/* A small file's contents (at most size - 1 bytes); false when it cannot be read. */
static int read_small(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  size_t len = 0;
  ssize_t n;
  while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0) len += (size_t)n;
  close(fd);
  buf[len] = '\0';
  return 1;
}

struct proc_entry {
  int pid, pgrp, session, tty, tpgid;
  int host_pids; /* it lives in init's PID namespace */
  int innermost; /* otherwise, its pid in its own PID namespace: 1 for a container's first process */
};

/* The target of a /proc/<pid>/ns/<kind> link ("uts:[4026531838]"); empty when the process is gone. */
static void namespace_of(int pid, const char *kind, char *out, size_t size) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/ns/%s", pid, kind);
  ssize_t n = readlink(path, out, size - 1);
  out[n > 0 ? n : 0] = '\0';
}

/* Fills `e` from /proc/<pid>/stat (and status, for a process in another PID namespace); false when the
   process is gone. Status is read only when needed: the kernel formats fifty lines for it. */
static int read_proc_entry(int pid, const char *init_pid_ns, struct proc_entry *e) {
  char path[64], buf[2048], ns[64];
  snprintf(path, sizeof path, "/proc/%d/stat", pid);
  if (!read_small(path, buf, sizeof buf)) return 0;
  char *after = strrchr(buf, ')'); /* the command name may hold spaces and parentheses */
  char state;
  int ppid;
  if (!after || sscanf(after + 1, " %c %d %d %d %d %d", &state, &ppid, &e->pgrp, &e->session, &e->tty, &e->tpgid) != 6)
    return 0;
  e->pid = pid;
  e->innermost = pid;
  namespace_of(pid, "pid", ns, sizeof ns);
  e->host_pids = !ns[0] || strcmp(ns, init_pid_ns) == 0;
  snprintf(path, sizeof path, "/proc/%d/status", pid);
  if (!e->host_pids && read_small(path, buf, sizeof buf)) {
    char *line = strstr(buf, "\nNSpid:"); /* NSpid: 812 5 1, from init's namespace to its own */
    if (line) {
      char *p = line + 7, *end;
      for (long v; (v = strtol(p, &end, 10)), end != p; p = end) e->innermost = (int)v;
    }
  }
  return 1;
}

static struct proc_entry *read_processes(size_t *count) {
  char init_pid_ns[64];
  namespace_of(1, "pid", init_pid_ns, sizeof init_pid_ns);
  struct proc_entry *all = NULL;
  size_t n = 0, cap = 0;
  DIR *dir = opendir("/proc");
  struct dirent *d;
  while (dir && (d = readdir(dir))) {
    char *end;
    long pid = strtol(d->d_name, &end, 10);
    if (*end || pid <= 0) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      all = realloc(all, cap * sizeof *all);
      if (!all) _exit(70);
    }
    if (read_proc_entry((int)pid, init_pid_ns, &all[n])) n++;
  }
  if (dir) closedir(dir);
  *count = n;
  return all;
}

/* The hostname in a process's UTS namespace (empty if it is gone), read by joining that namespace for a
   moment: uname() is the only way to it. Printable ASCII only, so a hostname cannot forge a line. */
static void hostname_of(int pid, char *out, size_t size) {
  char path[64];
  struct utsname u;
  out[0] = '\0';
  snprintf(path, sizeof path, "/proc/%d/ns/uts", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  if (own_uts >= 0 && setns(fd, CLONE_NEWUTS) == 0) {
    if (uname(&u) == 0) snprintf(out, size, "%s", u.nodename);
    /* Scripts must never start under a container's hostname: if the way back fails, init restarts us. */
    if (setns(own_uts, CLONE_NEWUTS) != 0) _exit(75);
  }
  close(fd);
  for (char *c = out; *c; c++)
    if (*c < 0x21 || *c > 0x7e) *c = '?';
}

/*
 * `places <tty_nr>...`: for each terminal, its login shell (the session leader on that tty) and where the
 * newest process of its foreground process group is: "line TTY LEADER host" while that process shares
 * init's UTS and PID namespaces, "line TTY LEADER container HOSTNAME" otherwise. Then
 * "container PID HOSTNAME" for every process that is PID 1 of a PID namespace below the host's.
 */
static void reading_places(struct text *t, char **ttys, int tty_count) {
  char init_uts[64], uts[64];
  namespace_of(1, "uts", init_uts, sizeof init_uts);
  size_t count;
  struct proc_entry *all = read_processes(&count);
  char name[80];
  for (int i = 0; i < tty_count; i++) {
    int tty = atoi(ttys[i]);
    const struct proc_entry *leader = NULL, *best = NULL;
    for (size_t p = 0; p < count && !leader; p++)
      if (all[p].pid == all[p].session && all[p].tty == tty) leader = &all[p];
    if (!leader) continue;
    best = leader;
    for (size_t p = 0; p < count; p++)
      if (all[p].pgrp == leader->tpgid && all[p].pid > best->pid) best = &all[p];
    namespace_of(best->pid, "uts", uts, sizeof uts); /* empty if it just ended: its shell is at its prompt */
    if (best->host_pids && (!uts[0] || strcmp(uts, init_uts) == 0)) {
      text_add(t, "line %d %d host\n", tty, leader->pid);
    } else {
      hostname_of(best->pid, name, sizeof name);
      text_add(t, "line %d %d container %s\n", tty, leader->pid, name);
    }
  }
  for (size_t p = 0; p < count; p++)
    if (!all[p].host_pids && all[p].innermost == 1) {
      hostname_of(all[p].pid, name, sizeof name);
      text_add(t, "container %d %s\n", all[p].pid, name);
    }
  free(all);
}

/* Appends each "key value" line of a cgroup file with `prefix` before it; false when it cannot be read. */
static int add_keyed_file(struct text *t, const char *dir, const char *file, const char *prefix) {
  char path[512], buf[4096];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  if (!read_small(path, buf, sizeof buf)) return 0;
  for (char *save = NULL, *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
    text_add(t, "%s%s\n", prefix, line);
  return 1;
}

/*
 * `cgroup-load <dir>`: a cgroup's process count and limit and its pids and memory events:
 * "processes N", "limit N|max", "pids.KEY N", "memory.KEY N". Exit status 1 when the group is missing.
 */
static int reading_cgroup_load(struct text *t, const char *dir) {
  if (strncmp(dir, "/sys/fs/cgroup/", 15) != 0 || strstr(dir, "..")) {
    text_add(t, "lab-agent: not a cgroup: %s\n", dir);
    return 2;
  }
  int ok = add_keyed_file(t, dir, "pids.current", "processes ") && add_keyed_file(t, dir, "pids.max", "limit ") &&
           add_keyed_file(t, dir, "pids.events", "pids.") && add_keyed_file(t, dir, "memory.events", "memory.");
  if (!ok) {
    t->len = 0; /* the answer is the error alone */
    text_add(t, "lab-agent: cannot read the cgroup %s: %s\n", dir, strerror(errno));
  }
  return ok ? 0 : 1;
}

static void answer_reading(const char *id, const char *name, char **args, int arg_count) {
  struct text t = {0};
  int status = 0;
  if (name && strcmp(name, "places") == 0) reading_places(&t, args, arg_count);
  else if (name && strcmp(name, "cgroup-load") == 0 && arg_count == 1) status = reading_cgroup_load(&t, args[0]);
  else return reply_error(id, 125, "lab-agent: unknown reading\n");
  reply_text(id, &t, status == 0 ? 1 : 2, status); /* a failed reading's text is its error message */
  free(t.data);
}

/* ---- requests -------------------------------------------------------------------------------- */

static int valid_id(const char *id) {
  size_t n = strlen(id);
  if (n == 0 || n > ID_MAX) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= 'A' && id[i] <= 'Z') ||
          id[i] == '-' || id[i] == '_'))
      return 0;
  return 1;
}

static void read_boot_id(char *boot_id, size_t size) {
  snprintf(boot_id, size, "unknown");
  FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
  if (f) {
    if (fgets(boot_id, (int)size, f)) boot_id[strcspn(boot_id, "\n")] = '\0';
    fclose(f);
  }
}

/* Sets the guest clock to <ms> milliseconds since the epoch; false for a malformed time or a refusal. */
static int set_clock(const char *ms) {
  long long value = ms ? atoll(ms) : 0;
  struct timespec ts = {(time_t)(value / 1000), (long)(value % 1000) * 1000000L};
  return value > 0 && clock_settime(CLOCK_REALTIME, &ts) == 0;
}

static void handle_line(char *line) {
  char *save = NULL;
  char *verb = strtok_r(line, " ", &save);
  char *id = strtok_r(NULL, " ", &save);
  if (!verb || !id || !valid_id(id)) return; /* noise on the line (e.g. a restore cut a frame): ignore */

  if (strcmp(verb, "R") == 0) {
    char *script = strtok_r(NULL, " ", &save);
    if (!script || b64_decode(script) < 0) return reply_error(id, 125, "lab-agent: malformed script\n");
    start_job(id, script);
  } else if (strcmp(verb, "K") == 0) {
    struct job *job = find_job(id);
    if (job && !job->exited) kill(-job->pid, SIGKILL);
  } else if (strcmp(verb, "P") == 0) {
    frame("LAB1 EXIT %s 0 0\n", id);
  } else if (strcmp(verb, "W") == 0) {
    char *rows = strtok_r(NULL, " ", &save), *cols = strtok_r(NULL, " ", &save);
    struct winsize ws = {0};
    int console = open("/dev/ttyS0", O_RDWR | O_NOCTTY | O_NONBLOCK);
    int ok = rows && cols && console >= 0;
    if (ok) {
      ws.ws_row = (unsigned short)atoi(rows);
      ws.ws_col = (unsigned short)atoi(cols);
      ok = ioctl(console, TIOCSWINSZ, &ws) == 0; /* the kernel sends SIGWINCH to the shell */
    }
    if (console >= 0) close(console);
    frame("LAB1 EXIT %s %d 0\n", id, ok ? 0 : 1);
  } else if (strcmp(verb, "S") == 0) {
    /* Every restore resumes the same random pool: two machines resumed from one snapshot must not
     * produce the same mktemp names or keys. Done here rather than by a script, which would start bash
     * in a guest whose JIT and page cache the restore left cold (a tenth of a second of every resume). */
    char *ms = strtok_r(NULL, " ", &save), *seed = strtok_r(NULL, " ", &save);
    int ok = set_clock(ms) && seed && strlen(seed) >= 32;
    if (ok) {
      int fd = open("/dev/urandom", O_WRONLY | O_CLOEXEC);
      ok = fd >= 0 && write(fd, seed, strlen(seed)) == (ssize_t)strlen(seed);
      if (fd >= 0) close(fd);
    }
    char boot_id[64], line[66], enc[96];
    read_boot_id(boot_id, sizeof boot_id);
    size_t n = (size_t)snprintf(line, sizeof line, "%s\n", boot_id);
    enc[b64_encode((const unsigned char *)line, n < sizeof line ? n : sizeof line - 1, enc)] = '\0';
    frame("LAB1 OUT %s 1 %s\n", id, enc);
    frame("LAB1 EXIT %s %d 0\n", id, ok ? 0 : 1);
  } else if (strcmp(verb, "Q") == 0) {
    char *name = strtok_r(NULL, " ", &save), *args[16];
    int arg_count = 0;
    while (arg_count < 16 && (args[arg_count] = strtok_r(NULL, " ", &save))) arg_count++;
    answer_reading(id, name, args, arg_count);
  } else {
    reply_error(id, 125, "lab-agent: unknown request\n");
  }
}

static void setup_tty(const char *path) {
  tty = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC); /* scripts must not inherit the channel */
  if (tty < 0) {
    perror(path);
    exit(1);
  }
  struct termios t;
  if (tcgetattr(tty, &t) == 0) {
    cfmakeraw(&t); /* no echo, no line discipline limits, no CR/LF translation */
    tcsetattr(tty, TCSANOW, &t);
  }
  tcflush(tty, TCIFLUSH);
}

static void announce_ready(void) {
  char boot_id[64];
  read_boot_id(boot_id, sizeof boot_id);
  frame("\nLAB1 READY %s\n", boot_id);
}

/*
 * `lab-agent --probe-uart /dev/ttyS3`, run once by rcS before the shells start: probe a serial port
 * again without the loopback test (setserial's skip_test autoconfig). v86's UART has no loopback mode,
 * so the kernel's boot-time probe of ttyS3 (the only legacy port probed with the test) finds no UART.
 */
static int probe_uart(const char *path) {
  int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return 1;
  struct serial_struct info;
  int ok = ioctl(fd, TIOCGSERIAL, &info) == 0;
  if (ok) {
    info.flags |= ASYNC_SKIP_TEST;
    ok = ioctl(fd, TIOCSSERIAL, &info) == 0 && ioctl(fd, TIOCSERCONFIG) == 0;
  }
  close(fd);
  return ok ? 0 : 1;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--probe-uart") == 0) return probe_uart(argv[2]);
  signal(SIGPIPE, SIG_IGN);
  /* SIGCHLD arrives through a signalfd, so the agent sleeps in poll() until something happens:
     an idle guest then costs the host (almost) no CPU. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  int sigfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
  if (sigfd < 0) return 72;
  setup_tty(argc > 1 ? argv[1] : "/dev/ttyS1");
  own_uts = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
  announce_ready();

  char *line = malloc(MAX_LINE + 1);
  size_t line_len = 0;
  int discarding = 0; /* an over-long line is dropped up to its newline */
  if (!line) return 70;

  for (;;) {
    struct pollfd fds[2 + 2 * MAX_JOBS];
    struct job *owners[2 + 2 * MAX_JOBS];
    int which[2 + 2 * MAX_JOBS];
    int n = 0;
    fds[n] = (struct pollfd){tty, POLLIN | (outq_pending() ? POLLOUT : 0), 0};
    owners[n++] = NULL;
    fds[n] = (struct pollfd){sigfd, POLLIN, 0};
    owners[n++] = NULL;
    if (outq_pending() < OUT_HIGH_WATER) {
      for (int i = 0; i < MAX_JOBS; i++)
        for (int w = 0; w < 2; w++)
          if (jobs[i].used && jobs[i].fds[w] >= 0) {
            fds[n] = (struct pollfd){jobs[i].fds[w], POLLIN, 0};
            owners[n] = &jobs[i];
            which[n++] = w;
          }
    }
    if (poll(fds, (nfds_t)n, -1) < 0 && errno != EINTR) return 71;

    if (fds[0].revents & POLLOUT) flush_some();
    if (fds[0].revents & POLLIN) {
      char buf[4096];
      ssize_t r = read(tty, buf, sizeof buf);
      for (ssize_t i = 0; i < r; i++) {
        char c = buf[i];
        if (c == '\n' || c == '\r') {
          if (!discarding && line_len > 0) {
            line[line_len] = '\0';
            handle_line(line);
          }
          line_len = 0;
          discarding = 0;
        } else if (!discarding) {
          if (line_len < MAX_LINE) line[line_len++] = c;
          else discarding = 1;
        }
      }
    }
    for (int i = 2; i < n; i++)
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) pump(owners[i], which[i]);
    if (fds[1].revents & POLLIN) {
      struct signalfd_siginfo info;
      while (read(sigfd, &info, sizeof info) > 0) {
      }
      reap_children();
    }
    flush_some();
  }
}
