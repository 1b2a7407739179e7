"""Method calls and attribute access: a small operating-system scheduler in
the spirit of Martin Richards' benchmark (written afresh). Tasks of four kinds
(idle, worker, handler, device) pass packets to each other through a
priority-ordered task list."""

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, destination, kind):
        self.link = link
        self.destination = destination
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        """Append self to the queue that starts at `queue`; return the head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = state == "waiting"
        self.held = False
        self.next = scheduler.task_list
        scheduler.task_list = self
        scheduler.tasks[ident] = self

    def is_runnable(self):
        return self.packet_pending and not self.waiting and not self.held

    def is_held_or_waiting(self):
        return self.held or (not self.packet_pending and self.waiting)

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        self.packet_pending = self.queue is not None
        return packet

    def receive(self, packet):
        """A packet arrives for this task; return the task to run next."""
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > self.scheduler.current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return self.scheduler.current

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, seed, count):
        super().__init__(scheduler, ident, priority, None, "running")
        self.seed = seed
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.scheduler.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue, "waiting")
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait_current()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.destination = self.destination
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter = self.letter % 26 + 1
            packet.data[i] = self.letter
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue, "waiting")
        self.work_queue = None
        self.device_queue = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        if self.work_queue is not None:
            work = self.work_queue
            if work.count < DATA_SIZE:
                if self.device_queue is not None:
                    device_packet = self.device_queue
                    self.device_queue = device_packet.link
                    device_packet.count = work.data[work.count]
                    work.count += 1
                    return self.scheduler.send(device_packet)
            else:
                self.work_queue = work.link
                return self.scheduler.send(work)
        return self.scheduler.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        super().__init__(scheduler, ident, priority, None, "waiting")
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait_current()
            packet, self.pending = self.pending, None
            return self.scheduler.send(packet)
        self.pending = packet
        self.scheduler.hold_count += 1
        return self.scheduler.hold_current()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * 6
        self.current = None
        self.hold_count = 0
        self.send_count = 0

    def find(self, ident):
        return self.tasks[ident]

    def hold_current(self):
        self.current.held = True
        return self.current.next

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.find(ident)
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        target = self.find(packet.destination)
        self.send_count += 1
        packet.link = None
        packet.destination = self.current.ident
        return target.receive(packet)

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            task = self.current
            if task.is_held_or_waiting():
                self.current = task.next
            else:
                packet = None
                if task.packet_pending and task.waiting:
                    task.waiting = False
                    packet = task.take_packet()
                self.current = task.run(packet)


def run_once(idle_count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, 1, idle_count)

    work = Packet(None, IDLE, KIND_WORK)
    work = Packet(work, IDLE, KIND_WORK)
    WorkerTask(s, WORKER, 1000, work)

    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, queue)

    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, queue)

    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)

    s.schedule()
    return s.send_count, s.hold_count


def main():
    sends = holds = 0
    for _ in range(24):
        send_count, hold_count = run_once(10_000)
        sends += send_count
        holds += hold_count
    print(f"checksum: {sends} {holds}")


main()
