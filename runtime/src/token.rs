//! The native token and address format, defined once.
//!
//! The runtime (`frame_system::Config::SS58Prefix`, balances), the node's
//! chain-spec properties and the build script's metadata hash all read these
//! constants, so wallets, explorers and hardware signers see the same values.
//! This file must stay free of imports: `build.rs` includes it verbatim.

/// Ticker shown by wallets for the native token.
pub const TOKEN_SYMBOL: &str = "CIV";

/// Number of decimal places between one token and its smallest unit.
pub const TOKEN_DECIMALS: u8 = 12;

/// SS58 address prefix (42: the generic Substrate format every wallet accepts).
pub const SS58_PREFIX: u16 = 42;

/// One whole token, in the smallest unit (10^TOKEN_DECIMALS).
pub const CIV: u128 = 10u128.pow(TOKEN_DECIMALS as u32);

/// One thousandth of a token.
pub const MILLI_CIV: u128 = CIV / 1_000;

/// One millionth of a token.
pub const MICRO_CIV: u128 = CIV / 1_000_000;

/// Minimum balance an account must keep to exist (0.01 CIV): low enough for
/// any real participant, high enough that spamming accounts costs something.
pub const EXISTENTIAL_DEPOSIT: u128 = 10 * MILLI_CIV;
