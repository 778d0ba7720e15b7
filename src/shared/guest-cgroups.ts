// Cgroups the lab itself makes in the guest, named once for every part that must tell them apart from
// the learner's: the check prelude leaves their processes out of "the learner's processes".

/** The guest agent's cgroup, made by the image's rcS (images/rootfs/overlay/etc/init.d/rcS). */
export const AGENT_CGROUP_NAME = "agent";

/** The parent of the comparison view's containers (src/compare): crun makes /lab-compare/c1 and so on. */
export const COMPARE_CGROUP_NAME = "lab-compare";
