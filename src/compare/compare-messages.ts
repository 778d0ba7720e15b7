// Every word the comparison view shows, in every locale. The interface makes a missing translation a
// type error; tests/unit/compare-messages.test.ts checks the rest.
import type { ComparisonAction } from "./comparison-lab.ts";
import type { Locale } from "../exercises/locales.ts";

export interface CompareMessages {
  readonly open: string;
  readonly openTitle: string;
  readonly close: string;
  readonly heading: string;
  readonly intro: string;
  readonly ownWorkers: string;
  readonly bootVm2: string;
  readonly closeVm2: string;
  readonly vm2Console: string;
  readonly vm2NotRunning: string;
  readonly vm2Panicked: string;
  readonly startContainer: string;
  readonly removeContainers: string;
  readonly measure: string;
  readonly measureOverhead: string;
  readonly pingVms: string;
  readonly pingContainers: string;
  readonly panicVm2: string;
  readonly memoryHog: string;
  readonly working: (action: ComparisonAction) => string;
  readonly failed: (action: ComparisonAction) => string;
  readonly refusedSmallDevice: (gb: number, minGb: number) => string;
  readonly refusedHeapFull: (usedMb: number, limitMb: number) => string;
  // figures
  readonly startTime: string;
  readonly startTimeNote: string;
  /** Under a chart whose bars are on a logarithmic scale. */
  readonly logScale: string;
  readonly vm2ColdBoot: string;
  readonly vm1Restore: string;
  readonly containerStart: (name: string) => string;
  readonly memory: string;
  readonly memoryNote: string;
  readonly vmReserved: (vm: string) => string;
  readonly containerMemory: (name: string) => string;
  readonly imageSize: string;
  readonly imageSizeNote: string;
  readonly vmImage: string;
  readonly containerImage: string;
  readonly overhead: string;
  readonly overheadNote: (megabytes: number) => string;
  readonly native: string;
  readonly inVm: string;
  readonly inContainer: (name: string) => string;
  readonly ratioVmNative: (ratio: string) => string;
  /** Container time over VM time; the caption says what the measured ratio shows. */
  readonly ratioContainerVm: (ratio: number) => string;
  readonly digestsMatch: string;
  readonly digestsDiffer: string;
  readonly kernels: string;
  readonly kernelsNote: string;
  readonly kernelRelease: string;
  readonly bootId: string;
  readonly processes: string;
  readonly vm1: string;
  readonly vm2: string;
  readonly cloneNote: string;
  readonly coldNote: string;
  readonly visibility: string;
  readonly vm1SeesContainer: (name: string, pid: number) => string;
  readonly vm1SeesVm2: (count: number) => string;
  readonly vm2SeesItself: (count: number) => string;
  readonly network: string;
  readonly networkNote: string;
  readonly vmPath: string;
  readonly containerPath: string;
  readonly pingResult: (received: number, rtts: string) => string;
  readonly neighbour: (mac: string) => string;
  readonly frames: (total: number) => string;
  readonly faults: string;
  readonly faultsNote: string;
  readonly panicResult: (ms: number, sameBoot: boolean) => string;
  readonly oomResult: (name: string, kills: number, alive: string) => string;
  readonly noFigure: string;
  readonly ms: (value: number) => string;
  readonly seconds: (value: number) => string;
  readonly mib: (value: number) => string;
}

/** Up to this container/VM ratio the two runs count as the same speed (timings in the emulator vary). */
const SAME_SPEED_RATIO = 1.15;

const ACTIONS_EN: Record<ComparisonAction, string> = {
  "boot-vm2": "booting the second VM",
  "close-vm2": "closing the second VM",
  "start-container": "starting a container in VM 1",
  measure: "measuring",
  overhead: "running the workload natively, in the VM and in a container",
  "ping-vms": "pinging VM 2 from VM 1",
  "ping-containers": "pinging c2 from c1",
  "panic-vm2": "panicking VM 2's kernel",
  "memory-hog": "running a memory hog in c1",
  "remove-containers": "removing the containers",
};

const ACTIONS_KO: Record<ComparisonAction, string> = {
  "boot-vm2": "두 번째 VM 부팅",
  "close-vm2": "두 번째 VM 종료",
  "start-container": "VM 1 안에서 컨테이너 시작",
  measure: "측정",
  overhead: "같은 작업을 브라우저, VM, 컨테이너에서 실행",
  "ping-vms": "VM 1에서 VM 2로 ping",
  "ping-containers": "c1에서 c2로 ping",
  "panic-vm2": "VM 2 커널 패닉 일으키기",
  "memory-hog": "c1에서 메모리 폭주 프로그램 실행",
  "remove-containers": "컨테이너 정리",
};

const en: CompareMessages = {
  open: "VM vs container",
  openTitle: "Boot a second VM next to this one and compare it with containers, with measured figures",
  close: "Close comparison",
  heading: "A VM next to containers, measured",
  intro:
    "VM 1 is your machine. VM 2 is a second, independent emulated PC with its own kernel. Containers c1, c2 are processes inside VM 1, sharing its kernel. Every figure below was measured just now in the real guests.",
  ownWorkers:
    "Each VM's emulator runs in a Web Worker of its own, so a computer with cores to spare gives each VM a core. With two cores, the two VMs and this page share them, so times with two VMs running are slower than with one.",
  bootVm2: "Boot VM 2 (cold boot)",
  closeVm2: "Close VM 2",
  vm2Console: "VM 2 console (ttyS0)",
  vm2NotRunning: "VM 2 is not running. Boot it to see its own kernel start.",
  vm2Panicked: "VM 2's kernel panicked. VM 1 is not affected; close VM 2 or boot it again.",
  startContainer: "Start a container in VM 1",
  removeContainers: "Remove containers",
  measure: "Measure again",
  measureOverhead: "Run the same workload 3 ways",
  pingVms: "Ping VM 2 from VM 1",
  pingContainers: "Ping c2 from c1",
  panicVm2: "Panic VM 2's kernel",
  memoryHog: "Run a memory hog in c1",
  working: (action) => `Working: ${ACTIONS_EN[action]}…`,
  failed: (action) => `Failed while ${ACTIONS_EN[action]}`,
  refusedSmallDevice: (gb, minGb) =>
    `This device reports ${gb} GB of memory; a second VM needs at least ${minGb} GB, or the browser may close this tab and your first machine with it. Use a computer with more memory for this part.`,
  refusedHeapFull: (usedMb, limitMb) =>
    `This page already uses ${usedMb} of its ${limitMb} MB; a second VM would not fit. Reload the page and try again.`,
  startTime: "Start time",
  logScale: "Logarithmic scale: every tenfold figure adds the same length to a bar",
  startTimeNote:
    "VM: from creating the emulator to its agent answering, measured by the page. Container: from the first mkdir (its overlay root and OCI bundle) through crun run to its first command running, measured by VM 1's clock. crun is the guest's container runtime, the one minidock calls: while c1 and c2 run, crun list in your terminal shows them.",
  vm2ColdBoot: "VM 2, cold boot",
  vm1Restore: "VM 1, restored snapshot",
  containerStart: (name) => `container ${name}`,
  memory: "Memory",
  memoryNote: "A VM reserves its whole RAM up front. A container uses what its processes touch (cgroup memory.current).",
  vmReserved: (vm) => `${vm}, reserved`,
  containerMemory: (name) => `${name}, memory.current`,
  imageSize: "Image size",
  imageSizeNote: "A VM ships a whole OS (kernel + root filesystem); the container image is only its layer of programs.",
  vmImage: "VM: kernel + root filesystem",
  containerImage: "container image layer",
  overhead: "Overhead of the same work",
  overheadNote: (mb) =>
    `SHA-256 of ${mb} MB of zeros: natively in this page (Web Crypto), in VM 1, and in container c1 inside VM 1. The VM's cost here is the cost of emulation: v86 carries out every instruction in software. Hypervisors that use the CPU's virtualization features (KVM, ESXi, Hyper-V) run guest code directly on the processor, usually within a few percent of native speed.`,
  native: "native (this page)",
  inVm: "in VM 1 (emulated CPU)",
  inContainer: (name) => `in container ${name}`,
  ratioVmNative: (ratio) => `VM / native: ×${ratio} (the cost of emulating a CPU)`,
  ratioContainerVm: (ratio) =>
    ratio <= SAME_SPEED_RATIO
      ? `container / VM: ×${ratio.toFixed(2)} (the same speed: a container is just a process)`
      : `container / VM: ×${ratio.toFixed(2)} (the extra time is starting nsenter to enter the container, timed with the work; inside, the container's code runs on the CPU like any process)`,
  digestsMatch: "All three computed the same digest.",
  digestsDiffer: "The digests differ: the work was not the same.",
  kernels: "Kernels",
  kernelsNote: "Same kernel build everywhere (same uname -r), but a boot id belongs to one running kernel: containers report their VM's; VM 2 has its own.",
  kernelRelease: "uname -r",
  bootId: "boot_id",
  processes: "processes it sees",
  vm1: "VM 1",
  vm2: "VM 2",
  cloneNote:
    "VM 1 was restored from the build-time snapshot: a clone with the same boot_id as every restored copy (the page re-seeds its random pool). VM 2 booted cold, so its boot_id is new.",
  coldNote: "VM 1 booted cold: its boot_id is its own.",
  visibility: "Who sees whose processes",
  vm1SeesContainer: (name, pid) => `VM 1's ps shows ${name} as PID ${pid}`,
  vm1SeesVm2: (count) => `VM 1 finds VM 2's marker process: ${count} times`,
  vm2SeesItself: (count) => `VM 2 finds its own marker process: ${count} time${count === 1 ? "" : "s"}`,
  network: "Networks",
  networkNote: "VM 1 (10.0.2.1, set by you) and VM 2 (10.0.2.2, set by this view) talk through emulated NE2000 cards and a cable the page runs: no server, no other tab. c1 and c2 talk through veth pairs and a bridge inside VM 1's kernel.",
  vmPath: "VM 1 kernel → eth0 (emulated NE2000) → page cable → VM 2's NE2000 → VM 2 kernel",
  containerPath: "c1 → eth0 (veth) → labcmp0 bridge → veth → c2: one kernel, no hardware",
  pingResult: (received, rtts) => `${received}/3 replies, ${rtts}`,
  neighbour: (mac) => `neighbour learned: ${mac}`,
  frames: (total) => `Frames on the VM cable: ${total}`,
  faults: "Faults",
  faultsNote: "A kernel panic ends a whole VM and nothing else. A container's limits are its cgroup's: an OOM kills inside it, the others live on.",
  panicResult: (ms, sameBoot) => `VM 2 panicked; VM 1 answered ${Math.round(ms)} ms later${sameBoot ? ", same boot_id" : ""}.`,
  oomResult: (name, kills, alive) => `${name}: oom_kill ${kills}; still running: ${alive}`,
  noFigure: "not measured yet",
  ms: (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`,
  seconds: (value) => `${(value / 1000).toFixed(1)} s`,
  mib: (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} MiB`,
};

const ko: CompareMessages = {
  open: "VM과 컨테이너 비교",
  openTitle: "이 VM 옆에 두 번째 VM을 부팅해서 컨테이너와 실제 측정값으로 비교합니다",
  close: "비교 닫기",
  heading: "VM과 컨테이너를 나란히 놓고 재 보기",
  intro:
    "VM 1은 지금 쓰고 있는 머신입니다. VM 2는 자기 커널로 따로 부팅하는 두 번째 가상 머신(virtual machine)입니다. 컨테이너 c1, c2는 VM 1 안의 프로세스이고 VM 1의 커널을 함께 씁니다(커널 공유). 아래 숫자는 모두 방금 실제 게스트에서 잰 값입니다.",
  ownWorkers:
    "VM마다 에뮬레이터가 자기 웹 워커(Web Worker)에서 돌아가므로, 코어가 넉넉한 컴퓨터에서는 VM이 코어를 하나씩 씁니다. 코어가 두 개뿐이면 두 VM과 이 페이지가 코어를 나눠 쓰므로, VM 두 대가 켜져 있으면 한 대일 때보다 시간이 더 걸립니다.",
  bootVm2: "VM 2 부팅 (콜드 부팅)",
  closeVm2: "VM 2 끄기",
  vm2Console: "VM 2 콘솔 (ttyS0)",
  vm2NotRunning: "VM 2가 꺼져 있습니다. 부팅하면 자기 커널이 처음부터 올라오는 모습을 볼 수 있습니다.",
  vm2Panicked: "VM 2 커널이 패닉을 일으켰습니다. VM 1은 영향을 받지 않습니다. VM 2를 끄거나 다시 부팅하세요.",
  startContainer: "VM 1 안에 컨테이너 시작",
  removeContainers: "컨테이너 정리",
  measure: "다시 측정",
  measureOverhead: "같은 작업을 세 곳에서 실행",
  pingVms: "VM 1에서 VM 2로 ping 보내기",
  pingContainers: "c1에서 c2로 ping 보내기",
  panicVm2: "VM 2 커널 패닉 일으키기",
  memoryHog: "c1에서 메모리 폭주 프로그램 실행",
  working: (action) => `진행 중: ${ACTIONS_KO[action]}…`,
  failed: (action) => `실패: ${ACTIONS_KO[action]}`,
  refusedSmallDevice: (gb, minGb) =>
    `이 기기의 메모리는 ${gb}GB로 보고됩니다. 두 번째 VM에는 최소 ${minGb}GB가 필요합니다. 그보다 작으면 브라우저가 이 탭을 닫아 첫 번째 머신까지 잃을 수 있습니다. 이 부분은 메모리가 더 큰 컴퓨터에서 해 보세요.`,
  refusedHeapFull: (usedMb, limitMb) =>
    `이 페이지가 이미 ${limitMb}MB 중 ${usedMb}MB를 쓰고 있어 두 번째 VM이 들어갈 자리가 없습니다. 페이지를 새로 고친 뒤 다시 해 보세요.`,
  startTime: "시작 시간",
  logScale: "로그 눈금: 수치가 열 배가 될 때마다 막대가 같은 길이만큼 늘어납니다",
  startTimeNote:
    "VM: 에뮬레이터를 만든 순간부터 에이전트가 응답할 때까지, 페이지가 잰 시간. 컨테이너: 첫 mkdir(오버레이 루트와 OCI 번들(bundle) 준비)부터 crun run을 거쳐 첫 명령이 실행될 때까지, VM 1의 시계로 잰 시간. crun은 minidock도 호출하는 게스트의 컨테이너 런타임입니다. c1, c2가 도는 동안 터미널에서 crun list를 입력하면 둘이 보입니다.",
  vm2ColdBoot: "VM 2, 콜드 부팅",
  vm1Restore: "VM 1, 스냅샷 복원",
  containerStart: (name) => `컨테이너 ${name}`,
  memory: "메모리",
  memoryNote: "VM은 RAM 전체를 처음부터 잡아 둡니다. 컨테이너는 프로세스가 실제로 쓴 만큼만 씁니다(cgroup memory.current).",
  vmReserved: (vm) => `${vm}, 예약된 RAM`,
  containerMemory: (name) => `${name}의 memory.current`,
  imageSize: "이미지 크기",
  imageSizeNote: "VM은 OS 전체(커널 + 루트 파일 시스템)를 들고 다니고, 컨테이너 이미지(image)는 프로그램이 든 레이어(layer)뿐입니다.",
  vmImage: "VM: 커널 + 루트 파일 시스템",
  containerImage: "컨테이너 이미지 레이어",
  overhead: "같은 작업의 오버헤드(overhead)",
  overheadNote: (mb) =>
    `0으로 채운 ${mb}MB의 SHA-256을 이 페이지에서 직접(Web Crypto), VM 1에서, VM 1 안의 컨테이너 c1에서 계산합니다. 여기서 VM이 치르는 비용은 에뮬레이션 비용입니다. v86은 명령어 하나하나를 소프트웨어로 실행합니다. CPU의 가상화 기능을 쓰는 하이퍼바이저(KVM, ESXi, Hyper-V)는 게스트의 코드를 실제 프로세서에서 바로 실행하므로, 보통 네이티브와 몇 퍼센트밖에 차이 나지 않습니다.`,
  native: "네이티브 (이 페이지)",
  inVm: "VM 1 안 (에뮬레이션된 CPU)",
  inContainer: (name) => `컨테이너 ${name} 안`,
  ratioVmNative: (ratio) => `VM / 네이티브: ×${ratio} (CPU를 에뮬레이션하는 비용)`,
  ratioContainerVm: (ratio) =>
    ratio <= SAME_SPEED_RATIO
      ? `컨테이너 / VM: ×${ratio.toFixed(2)} (속도가 같습니다. 컨테이너는 그냥 프로세스입니다)`
      : `컨테이너 / VM: ×${ratio.toFixed(2)} (늘어난 시간은 컨테이너에 들어가는 nsenter를 띄우는 시간으로, 작업과 함께 재었습니다. 컨테이너 안의 코드는 다른 프로세스처럼 CPU에서 그대로 돕니다)`,
  digestsMatch: "세 곳 모두 같은 해시를 계산했습니다.",
  digestsDiffer: "해시가 다릅니다. 같은 작업이 아니었습니다.",
  kernels: "커널",
  kernelsNote: "커널 빌드는 모두 같아서 uname -r도 같습니다. 하지만 boot_id는 실행 중인 커널 하나의 것입니다. 컨테이너는 자기 VM의 boot_id를 보고, VM 2는 자기 것이 따로 있습니다.",
  kernelRelease: "uname -r",
  bootId: "boot_id",
  processes: "보이는 프로세스 수",
  vm1: "VM 1",
  vm2: "VM 2",
  cloneNote:
    "VM 1은 빌드 때 저장한 스냅샷에서 복원했습니다. 복원한 사본은 모두 같은 boot_id를 가진 복제본입니다(페이지가 난수 풀은 새로 채웁니다). VM 2는 콜드 부팅했으므로 boot_id가 새것입니다.",
  coldNote: "VM 1은 콜드 부팅했으므로 boot_id가 자기만의 것입니다.",
  visibility: "누가 누구의 프로세스를 보는가",
  vm1SeesContainer: (name, pid) => `VM 1의 ps에 ${name}이(가) PID ${pid}로 보입니다`,
  vm1SeesVm2: (count) => `VM 1에서 찾은 VM 2의 표식 프로세스: ${count}개`,
  vm2SeesItself: (count) => `VM 2에서 찾은 자기 표식 프로세스: ${count}개`,
  network: "네트워크",
  networkNote: "VM 1(10.0.2.1, 직접 설정)과 VM 2(10.0.2.2, 이 화면이 설정)는 에뮬레이션된 NE2000 랜카드와 페이지가 이어 주는 케이블로 통신합니다. 서버도, 다른 탭도 끼어들지 않습니다. c1과 c2는 VM 1 커널 안의 veth 쌍과 브리지로 통신합니다.",
  vmPath: "VM 1 커널 → eth0 (에뮬레이션된 NE2000) → 페이지의 케이블 → VM 2의 NE2000 → VM 2 커널",
  containerPath: "c1 → eth0 (veth) → labcmp0 브리지 → veth → c2: 커널 하나, 하드웨어 없음",
  pingResult: (received, rtts) => `응답 ${received}/3, ${rtts}`,
  neighbour: (mac) => `알게 된 이웃: ${mac}`,
  frames: (total) => `VM 케이블을 지난 프레임: ${total}개`,
  faults: "장애 격리",
  faultsNote: "커널 패닉은 VM 하나를 통째로 끝낼 뿐 다른 VM에는 번지지 않습니다. 컨테이너의 한계는 cgroup이 정합니다. OOM은 그 안에서만 프로세스를 죽이고 다른 컨테이너는 계속 돕니다.",
  panicResult: (ms, sameBoot) => `VM 2가 패닉했습니다. VM 1은 ${Math.round(ms)}ms 뒤에 응답했습니다${sameBoot ? " (boot_id 그대로)" : ""}.`,
  oomResult: (name, kills, alive) => `${name}: oom_kill ${kills}회, 계속 실행 중: ${alive}`,
  noFigure: "아직 측정 전",
  ms: (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)}ms`,
  seconds: (value) => `${(value / 1000).toFixed(1)}초`,
  mib: (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)}MiB`,
};

export const COMPARE_MESSAGES: Readonly<Record<Locale, CompareMessages>> = { en, ko };
