/*
 * lab-init: the guest's first process (/init of the initramfs), static so that it runs before /usr exists.
 *
 * The initramfs holds only /etc, /var and the empty mount points; every program and library lives on
 * /dev/sda, a read-only erofs image that v86 fetches lazily in chunks. Keeping /usr off the initramfs
 * keeps it out of guest RAM, and so out of the snapshot the page downloads.
 *
 *   1. Re-root onto a bind mount of the initramfs: pivot_root(2) refuses to move the initramfs root
 *      (rootfs), and the container lessons need pivot_root. (No copy: copying into a tmpfs would cost a
 *      second and double the memory.)
 *   2. /usr = overlay of the read-only disk under a tmpfs, so the lessons may still write there (exercise
 *      11 installs /usr/bin/minirun, 13 edits minidockd): the same read-only image + writable layer a
 *      container's root file system is. The two layers' own mounts are detached once the overlay holds
 *      them, so `mount` shows one line for /usr.
 *   3. Delete itself: the initramfs is RAM (and so snapshot), and nothing runs /init twice.
 *   4. Hand over to busybox init as PID 1.
 *
 * On any failure it says what failed on the console and starts a shell if one can run, rather than
 * letting the kernel panic with "Attempted to kill init".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define DISK_NODE "/dev/.usr-disk"
#define LOWER "/.usr-lower"
#define LAYER "/.usr-layer"

static void fail(const char *what) {
  fprintf(stderr, "lab-init: %s: %s\n", what, strerror(errno));
  execl("/bin/sh", "sh", (char *)NULL);
  execl("/usr/lib/isolation-lab/busybox-static", "sh", (char *)NULL);
  _exit(1);
}

static void reroot(void) {
  if (mkdir("/.reroot", 0755) < 0 && errno != EEXIST) fail("mkdir /.reroot");
  if (mount("/", "/.reroot", NULL, MS_BIND, NULL) < 0) fail("bind-mounting / on /.reroot");
  if (chdir("/.reroot") < 0) fail("chdir /.reroot");
  if (mount(".", "/", NULL, MS_MOVE, NULL) < 0) fail("moving the bind mount onto /");
  if (chroot(".") < 0) fail("chroot into the new root");
  if (chdir("/") < 0) fail("chdir /");
}

static void mount_usr(void) {
  /* devtmpfs is mounted later by rcS: a node of our own for the first SCSI disk (sd 8:0). */
  unlink(DISK_NODE);
  if (mknod(DISK_NODE, S_IFBLK | 0600, makedev(8, 0)) < 0) fail("mknod " DISK_NODE);
  if (mkdir(LOWER, 0755) < 0 && errno != EEXIST) fail("mkdir " LOWER);
  if (mkdir(LAYER, 0755) < 0 && errno != EEXIST) fail("mkdir " LAYER);
  if (mount(DISK_NODE, LOWER, "erofs", MS_RDONLY, NULL) < 0) fail("mounting /dev/sda (the /usr disk, erofs)");
  if (mount("usr-layer", LAYER, "tmpfs", 0, "mode=0755") < 0) fail("mounting the tmpfs of /usr's writable layer");
  if (mkdir(LAYER "/upper", 0755) < 0 || mkdir(LAYER "/work", 0755) < 0) fail("mkdir the overlay's upper and work");
  if (mount("overlay", "/usr", "overlay", 0, "lowerdir=" LOWER ",upperdir=" LAYER "/upper,workdir=" LAYER "/work") < 0)
    fail("mounting the overlay on /usr");
  /* The overlay keeps private clones of both layers: the originals can go. */
  if (umount2(LOWER, MNT_DETACH) < 0) fail("detaching " LOWER);
  if (umount2(LAYER, MNT_DETACH) < 0) fail("detaching " LAYER);
  rmdir(LOWER);
  rmdir(LAYER);
  unlink(DISK_NODE);
}

int main(void) {
  reroot();
  mount_usr();
  unlink("/init");
  execl("/sbin/init", "init", (char *)NULL);
  fail("exec /sbin/init");
  return 1;
}
