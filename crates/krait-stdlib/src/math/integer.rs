//! The integer functions of `math`: `gcd`, `lcm`, `factorial`, `comb`,
//! `perm`, `isqrt` (CPython: `Modules/mathmodule.c`).
//!
//! Products of long ranges are computed by binary splitting (multiplying
//! halves of similar size), which keeps the big multiplications balanced;
//! `comb` is `perm(n, k) / k!` with k = min(k, n - k).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use krait_vm::error::PyResult;
use krait_vm::native::Args;
use krait_vm::protocol::number;
use krait_vm::value::Value;
use krait_vm::vm::Vm;

/// The product of the integers in `lo..hi`.
pub fn range_product(lo: &BigInt, hi: &BigInt) -> BigInt {
    let len = hi - lo;
    if len <= BigInt::zero() {
        return BigInt::one();
    }
    if len < BigInt::from(16) {
        let mut product = BigInt::one();
        let mut i = lo.clone();
        while &i < hi {
            product *= &i;
            i += 1;
        }
        return product;
    }
    let mid: BigInt = lo + (len >> 1);
    range_product(lo, &mid) * range_product(&mid, hi)
}

/// n! for n >= 0.
pub fn factorial(n: u64) -> BigInt {
    range_product(&BigInt::one(), &(BigInt::from(n) + 1))
}

/// n! / (n - k)! for 0 <= k <= n.
pub fn perm(n: &BigInt, k: u64) -> BigInt {
    range_product(&(n - k + 1u32), &(n + 1u32))
}

/// n! / (k! (n - k)!) for 0 <= k <= n, with k already the smaller side.
pub fn comb(n: &BigInt, k: u64) -> BigInt {
    perm(n, k) / factorial(k)
}

/// The integer square root (floor) of n >= 0.
pub fn isqrt(n: &BigInt) -> BigInt {
    n.sqrt()
}

/// An argument as a Python int, via `__index__`.
fn index_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    let index = number::index(vm, v)?;
    Ok(krait_vm::types::int::as_bigint(index).map(|b| b.into_owned()).unwrap_or_default())
}

pub(super) fn math_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "math.gcd")?;
    let mut result = BigInt::zero();
    for &arg in args.positional() {
        let value = index_arg(vm, arg)?;
        if !result.is_one() {
            result = result.gcd(&value);
        }
    }
    Ok(vm.new_bigint(result))
}

pub(super) fn math_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs(vm, "math.lcm")?;
    let mut result = BigInt::one();
    for &arg in args.positional() {
        let value = index_arg(vm, arg)?;
        if !result.is_zero() {
            result = result.lcm(&value);
        }
    }
    Ok(vm.new_bigint(result))
}

const LLONG_MAX_MESSAGE: &str = "9223372036854775807";

pub(super) fn math_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n] = args.exact::<1>(vm, "math.factorial")?;
    let n = index_arg(vm, n)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error(format!("factorial() argument should not exceed {LLONG_MAX_MESSAGE}")));
    };
    Ok(vm.new_bigint(factorial(n as u64)))
}

pub(super) fn math_comb(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n, k] = args.exact::<2>(vm, "comb")?;
    let n = index_arg(vm, n)?;
    let k = index_arg(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::from_small(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {LLONG_MAX_MESSAGE}")));
    };
    Ok(vm.new_bigint(comb(&n, k as u64)))
}

pub(super) fn math_perm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let positional = args.positional_range(vm, "perm", 1, 2)?;
    let n = index_arg(vm, positional[0])?;
    let k = match positional.get(1) {
        Some(&k) if !vm.is_none(k) => index_arg(vm, k)?,
        _ => {
            if n.is_negative() {
                return Err(vm.value_error("factorial() not defined for negative values"));
            }
            n.clone()
        }
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::from_small(0));
    }
    let Some(k) = k.to_i64() else {
        return Err(vm.overflow_error(format!("k must not exceed {LLONG_MAX_MESSAGE}")));
    };
    Ok(vm.new_bigint(perm(&n, k as u64)))
}

pub(super) fn math_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n] = args.exact::<1>(vm, "math.isqrt")?;
    let n = index_arg(vm, n)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(isqrt(&n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn factorials() {
        assert_eq!(factorial(0), BigInt::one());
        assert_eq!(factorial(1), BigInt::one());
        assert_eq!(factorial(20), BigInt::from(2432902008176640000u64));
        assert_eq!(factorial(30), big("265252859812191058636308480000000"));
    }

    #[test]
    fn combinations_and_permutations() {
        assert_eq!(comb(&BigInt::from(10), 3), BigInt::from(120));
        assert_eq!(comb(&BigInt::from(5), 0), BigInt::one());
        assert_eq!(
            comb(&big("100000000000000000000"), 3),
            big("166666666666666666661666666666666666666700000000000000000000")
        );
        assert_eq!(perm(&BigInt::from(5), 5), BigInt::from(120));
        assert_eq!(perm(&BigInt::from(10), 2), BigInt::from(90));
        assert_eq!(perm(&BigInt::from(10), 0), BigInt::one());
        assert_eq!(comb(&BigInt::from(60), 30), big("118264581564861424"));
    }

    #[test]
    fn integer_square_roots() {
        assert_eq!(isqrt(&BigInt::zero()), BigInt::zero());
        assert_eq!(isqrt(&BigInt::from(15)), BigInt::from(3));
        assert_eq!(isqrt(&BigInt::from(16)), BigInt::from(4));
        assert_eq!(isqrt(&big("10000000000000000000000000000000000000000")), big("100000000000000000000"));
        assert_eq!(isqrt(&(big("10000000000000000000000000000000000000000") - 1)), big("99999999999999999999"));
    }

    #[test]
    fn gcd_and_lcm_follow_python_signs() {
        assert_eq!(BigInt::from(-12).gcd(&BigInt::from(18)), BigInt::from(6));
        assert_eq!(BigInt::from(0).gcd(&BigInt::from(-5)), BigInt::from(5));
        assert_eq!(BigInt::from(-4).lcm(&BigInt::from(6)), BigInt::from(12));
        assert_eq!(BigInt::from(4).lcm(&BigInt::from(0)), BigInt::zero());
    }
}
