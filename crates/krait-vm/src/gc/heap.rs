//! The heap: size-class blocks for small objects, separate allocations for
//! large ones.
//!
//! Small objects (up to `MAX_SMALL` bytes) live in 256 KiB blocks aligned to
//! their size, each block holding cells of one size class (multiples of 16
//! bytes). A free cell has a zero first word (an allocated object's first
//! word is its layout pointer, never zero) and the address of the next free
//! cell in its second, so "is this address an allocated object?" is answered
//! from the block table and the cell itself, which is what conservative stack
//! scanning needs. The newest block of each size class is handed out by
//! bumping a pointer once the free list is empty; its cells past that
//! pointer are known to be unused without being read, so blocks are neither
//! zeroed nor threaded in advance and cost memory only as they fill. Large objects are allocated one by one and kept in an
//! ordered map for the same question.
//!
//! The heap never moves an object: the native stack is scanned
//! conservatively, and a word that looks like a pointer cannot be updated.

use std::alloc::{alloc, alloc_zeroed, dealloc, Layout as AllocLayout};
use std::collections::BTreeMap;
use std::ptr::NonNull;

use crate::object::{header_bits, ObjHeader};

/// Bytes per block; blocks are aligned to this.
const BLOCK_SIZE: usize = 256 * 1024;
/// The granularity of size classes.
const GRANULE: usize = 16;
/// The largest object allocated in blocks.
pub const MAX_SMALL: usize = 1024;
const SIZE_CLASSES: usize = MAX_SMALL / GRANULE;

/// Poison written over freed memory under GC stress.
const POISON: u8 = 0xdb;

struct Block {
    base: usize,
    cell_size: usize,
}

#[derive(Default)]
struct SizeClass {
    /// The first free cell (0 when none).
    free: usize,
    /// The never-used rest of the newest block: cells from `fresh` up to
    /// `fresh_end` are handed out in address order once the free list is
    /// empty. Their memory is untouched (not even zeroed), so a block costs
    /// resident memory only as it fills.
    fresh: usize,
    fresh_end: usize,
    /// Indices into `Heap::blocks` of the blocks of this class.
    blocks: Vec<usize>,
}

impl SizeClass {
    /// Whether `cell` lies in the never-used part of the newest block.
    fn is_fresh(&self, cell: usize) -> bool {
        cell >= self.fresh && cell < self.fresh_end
    }
}

/// The heap's memory, without any knowledge of roots (see `gc::mod`).
pub struct Heap {
    blocks: Vec<Block>,
    block_index: rustc_hash::FxHashMap<usize, usize>,
    classes: [SizeClass; SIZE_CLASSES],
    large: BTreeMap<usize, usize>,
    /// Bytes handed out since the last collection (objects and the Rust
    /// memory they reported through `account_external`).
    pub allocated_since_gc: usize,
    /// Bytes live after the last collection.
    pub live_after_gc: usize,
    /// The smaller of the bytes live after the last two collections: what
    /// paces the next one (see `Vm::set_collect_after`).
    pub paced_live: usize,
    /// An allocation made when `allocated_since_gc` exceeds this collects
    /// first (the VM sets it from its pacing rule; `usize::MAX` while the
    /// collector is disabled), so the allocation fast path tests one word.
    pub collect_after: usize,
    pub poison: bool,
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            blocks: Vec::new(),
            block_index: Default::default(),
            classes: std::array::from_fn(|_| SizeClass::default()),
            large: BTreeMap::new(),
            allocated_since_gc: 0,
            live_after_gc: 0,
            paced_live: 0,
            collect_after: usize::MAX,
            poison: false,
        }
    }

    /// Raw memory for an object of `size` bytes, not zeroed: the caller
    /// writes the whole payload before anything can look at the cell.
    /// `None` only when the system is out of memory.
    #[inline]
    pub fn allocate(&mut self, size: usize) -> Option<NonNull<u8>> {
        if let Some(cell) = self.allocate_small(size) {
            return Some(cell);
        }
        let size = size.max(GRANULE);
        if size > MAX_SMALL {
            return self.allocate_large(size);
        }
        let class = size.div_ceil(GRANULE) - 1;
        self.add_block(class, (class + 1) * GRANULE)?;
        self.allocate_small(size)
    }

    /// The fast path of `allocate`: a small cell from the free list or the
    /// fresh part of the newest block, or `None` when the object is large
    /// or the size class needs a new block. Inlined into the allocators of
    /// fixed-size objects, where `size` is a constant and the size-class
    /// arithmetic folds away.
    #[inline(always)]
    pub fn allocate_small(&mut self, size: usize) -> Option<NonNull<u8>> {
        let size = size.max(GRANULE);
        if size > MAX_SMALL {
            return None;
        }
        let class = size.div_ceil(GRANULE) - 1;
        let cell_size = (class + 1) * GRANULE;
        let sc = &mut self.classes[class];
        let cell = if sc.free != 0 {
            let cell = sc.free;
            // SAFETY: `cell` is a free cell of one of our blocks; its second
            // word holds the next free cell.
            sc.free = unsafe { *(cell as *const usize).add(1) };
            cell
        } else if sc.fresh != sc.fresh_end {
            let cell = sc.fresh;
            sc.fresh += cell_size;
            cell
        } else {
            return None;
        };
        self.allocated_since_gc += cell_size;
        NonNull::new(cell as *mut u8)
    }

    /// A new block for `class`, all of it fresh.
    fn add_block(&mut self, class: usize, cell_size: usize) -> Option<()> {
        let layout = AllocLayout::from_size_align(BLOCK_SIZE, BLOCK_SIZE).ok()?;
        // SAFETY: the layout has a non-zero size. The memory is not zeroed:
        // fresh cells are never read before they are allocated.
        let base = unsafe { alloc(layout) } as usize;
        if base == 0 {
            return None;
        }
        let index = self.blocks.len();
        self.blocks.push(Block { base, cell_size });
        self.block_index.insert(base, index);
        let sc = &mut self.classes[class];
        sc.blocks.push(index);
        sc.fresh = base;
        sc.fresh_end = base + BLOCK_SIZE / cell_size * cell_size;
        Some(())
    }

    fn allocate_large(&mut self, size: usize) -> Option<NonNull<u8>> {
        let layout = AllocLayout::from_size_align(size, GRANULE).ok()?;
        // SAFETY: the layout has a non-zero size.
        let ptr = unsafe { alloc_zeroed(layout) };
        let ptr = NonNull::new(ptr)?;
        self.large.insert(ptr.as_ptr() as usize, size);
        self.allocated_since_gc += size;
        Some(ptr)
    }

    /// Record Rust heap memory owned by an object (a list's buffer, a long
    /// string), so that it counts towards the next collection.
    pub fn account_external(&mut self, bytes: usize) {
        self.allocated_since_gc += bytes;
    }

    /// The allocated object that contains `addr`, if any (for conservative
    /// scanning: interior pointers count).
    pub fn object_containing(&self, addr: usize) -> Option<NonNull<ObjHeader>> {
        let base = addr & !(BLOCK_SIZE - 1);
        if let Some(&index) = self.block_index.get(&base) {
            let block = &self.blocks[index];
            let cell = base + (addr - base) / block.cell_size * block.cell_size;
            if cell + block.cell_size > base + BLOCK_SIZE || self.classes[block.cell_size / GRANULE - 1].is_fresh(cell)
            {
                return None;
            }
            // SAFETY: `cell` is inside one of our blocks.
            let first_word = unsafe { *(cell as *const usize) };
            return if first_word != 0 { NonNull::new(cell as *mut ObjHeader) } else { None };
        }
        let (&start, &size) = self.large.range(..=addr).next_back()?;
        if addr < start + size {
            NonNull::new(start as *mut ObjHeader)
        } else {
            None
        }
    }

    /// Free every allocated object without the mark bit, clear the mark bit
    /// of the rest, and return the bytes still live. `finalize` runs the
    /// payload destructor of each dead object first.
    pub fn sweep(&mut self, mut finalize: impl FnMut(NonNull<ObjHeader>)) -> usize {
        let mut live = 0;
        for class in 0..SIZE_CLASSES {
            let cell_size = (class + 1) * GRANULE;
            let cells = BLOCK_SIZE / cell_size;
            let mut free = 0usize;
            let block_indices = std::mem::take(&mut self.classes[class].blocks);
            let (fresh, fresh_end) = (self.classes[class].fresh, self.classes[class].fresh_end);
            for &index in block_indices.iter().rev() {
                let base = self.blocks[index].base;
                // The newest block has been used only up to `fresh`.
                let used = if (base..base + BLOCK_SIZE).contains(&fresh) && fresh < fresh_end {
                    (fresh - base) / cell_size
                } else {
                    cells
                };
                for i in (0..used).rev() {
                    let cell = base + i * cell_size;
                    // SAFETY: the cell is inside one of our blocks; an
                    // allocated cell starts with an initialised header.
                    unsafe {
                        let header = &*(cell as *const ObjHeader);
                        if *(cell as *const usize) != 0 {
                            let bits = header.bits();
                            if bits & (header_bits::MARK | header_bits::IMMORTAL) != 0 {
                                header.set_bits(bits & !header_bits::MARK);
                                live += cell_size;
                                continue;
                            }
                            finalize(NonNull::new_unchecked(cell as *mut ObjHeader));
                            if self.poison {
                                std::ptr::write_bytes(cell as *mut u8, POISON, cell_size);
                            }
                            *(cell as *mut usize) = 0;
                        }
                        *(cell as *mut usize).add(1) = free;
                        free = cell;
                    }
                }
            }
            self.classes[class].blocks = block_indices;
            self.classes[class].free = free;
        }
        let mut dead = Vec::new();
        for (&start, &size) in &self.large {
            // SAFETY: every large allocation starts with an initialised header.
            let header = unsafe { &*(start as *const ObjHeader) };
            let bits = header.bits();
            if bits & (header_bits::MARK | header_bits::IMMORTAL) != 0 {
                header.set_bits(bits & !header_bits::MARK);
                live += size;
            } else {
                dead.push((start, size));
            }
        }
        for (start, size) in dead {
            self.large.remove(&start);
            // SAFETY: `start` is a dead large object, allocated with this layout.
            unsafe {
                finalize(NonNull::new_unchecked(start as *mut ObjHeader));
                dealloc(start as *mut u8, AllocLayout::from_size_align_unchecked(size, GRANULE));
            }
        }
        live
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // Objects are not finalised at exit (as CPython does not guarantee
        // it); the memory goes back to the allocator.
        for block in &self.blocks {
            // SAFETY: each block was allocated with this layout.
            unsafe { dealloc(block.base as *mut u8, AllocLayout::from_size_align_unchecked(BLOCK_SIZE, BLOCK_SIZE)) };
        }
        for (&start, &size) in &self.large {
            // SAFETY: each large object was allocated with this layout.
            unsafe { dealloc(start as *mut u8, AllocLayout::from_size_align_unchecked(size, GRANULE)) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interior_pointers_find_their_cell_and_free_cells_are_not_objects() {
        let mut heap = Heap::new();
        let a = heap.allocate(40).unwrap().as_ptr() as usize;
        // Mark the cell allocated the way an object header would.
        unsafe { *(a as *mut usize) = 8 };
        assert_eq!(heap.object_containing(a + 20).map(|p| p.as_ptr() as usize), Some(a));
        let next_cell = a + 48;
        assert_eq!(heap.object_containing(next_cell), None);
        assert_eq!(heap.object_containing(12345), None);
    }

    #[test]
    fn large_objects_are_found_by_interior_pointers() {
        let mut heap = Heap::new();
        let big = heap.allocate(10_000).unwrap().as_ptr() as usize;
        unsafe { *(big as *mut usize) = 8 };
        assert_eq!(heap.object_containing(big + 9_999).map(|p| p.as_ptr() as usize), Some(big));
        assert_eq!(heap.object_containing(big + 10_000), None);
    }
}
