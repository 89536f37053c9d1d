//! The gate every `cascade_*` reader passes: at most a fixed number of readers run the runtime at
//! once, and a bounded number wait for a turn; beyond that a reader is answered
//! [`error_code::BUSY`](crate::error_code::BUSY) at once. How many of each is the node's to say
//! (node/src/rpc.rs: half the cores, 64 waiting per turn).

use crate::{error, error_code};
use jsonrpsee::types::error::ErrorObjectOwned;
use std::sync::{Condvar, Mutex};

/// How many readers may run the runtime at once, and how many may wait for a turn: a counting
/// semaphore the blocking handlers wait on (they run on tokio's blocking pool, so waiting there
/// holds no async worker), with a bounded queue. A reader that finds every turn taken and the
/// queue full is answered [`error_code::BUSY`] at once: waiting readers never pile up on the
/// blocking pool, whatever the number of clients.
pub struct Readers {
	state: Mutex<Counts>,
	freed: Condvar,
	queue: usize,
}

/// Turns free and readers waiting.
struct Counts {
	free: usize,
	waiting: usize,
}

/// One reader's turn; the next one waiting goes when it is dropped.
pub struct Turn<'a>(&'a Readers);

impl Readers {
	/// At most `n` readers at once (at least one), and at most `queue` waiting for a turn.
	pub fn new(n: usize, queue: usize) -> Self {
		Self {
			state: Mutex::new(Counts { free: n.max(1), waiting: 0 }),
			freed: Condvar::new(),
			queue,
		}
	}

	/// Take a turn, waiting for one if the queue has room; [`error_code::BUSY`] otherwise.
	pub fn turn(&self) -> Result<Turn<'_>, ErrorObjectOwned> {
		// A poisoned lock only means another reader panicked while counting: the counts are
		// still right, so go on with them.
		let mut counts = self.state.lock().unwrap_or_else(|e| e.into_inner());
		if counts.free == 0 {
			if counts.waiting >= self.queue {
				return Err(error(
					error_code::BUSY,
					"the node is busy answering other readers: retry in a moment",
				));
			}
			counts.waiting += 1;
			while counts.free == 0 {
				counts = self.freed.wait(counts).unwrap_or_else(|e| e.into_inner());
			}
			counts.waiting -= 1;
		}
		counts.free -= 1;
		Ok(Turn(self))
	}
}

impl Drop for Turn<'_> {
	fn drop(&mut self) {
		let mut counts = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
		counts.free += 1;
		self.0.freed.notify_one();
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::sync::Arc;

	#[test]
	fn readers_beyond_the_limit_wait_their_turn() {
		use std::sync::atomic::{AtomicUsize, Ordering};
		let readers = Arc::new(Readers::new(2, 8));
		let inside = Arc::new(AtomicUsize::new(0));
		let most = Arc::new(AtomicUsize::new(0));
		let threads: Vec<_> = (0..8)
			.map(|_| {
				let (readers, inside, most) = (readers.clone(), inside.clone(), most.clone());
				std::thread::spawn(move || {
					let _turn = readers.turn();
					let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
					most.fetch_max(now, Ordering::SeqCst);
					std::thread::sleep(std::time::Duration::from_millis(20));
					inside.fetch_sub(1, Ordering::SeqCst);
				})
			})
			.collect();
		for t in threads {
			t.join().expect("reader thread");
		}
		assert_eq!(most.load(Ordering::SeqCst), 2, "never more than two at once, and two did run");
		assert_eq!(readers.state.lock().unwrap().free, 2, "every turn given back");
		assert_eq!(readers.state.lock().unwrap().waiting, 0, "nobody left waiting");
		assert_eq!(Readers::new(0, 0).state.lock().unwrap().free, 1, "at least one reader");
	}

	// Issue 25, item 6: readers beyond the turns and the queue are answered "busy" at once
	// instead of each holding a blocking-pool thread while it waits.
	#[test]
	fn readers_beyond_the_queue_are_told_to_retry() {
		let readers = Arc::new(Readers::new(1, 2));
		let held = readers.turn().expect("the one turn");
		let (tx, rx) = std::sync::mpsc::channel();
		let waiters: Vec<_> = (0..2)
			.map(|_| {
				let (readers, tx) = (readers.clone(), tx.clone());
				std::thread::spawn(move || {
					let turn = readers.turn();
					tx.send(turn.is_ok()).expect("send");
				})
			})
			.collect();
		// Both waiters are queued once the count says so.
		while readers.state.lock().unwrap().waiting < 2 {
			std::thread::yield_now();
		}
		let refused = readers.turn().err().expect("the queue is full");
		assert_eq!(refused.code(), error_code::BUSY);
		drop(held);
		for w in waiters {
			w.join().expect("waiter");
		}
		assert_eq!(rx.iter().take(2).filter(|ok| *ok).count(), 2, "the queued readers got turns");
		assert_eq!(readers.state.lock().unwrap().free, 1);
	}
}
