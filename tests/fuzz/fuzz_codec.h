// tests/fuzz/fuzz_codec.h: the encryption the state and plan targets read with: one fixed raw key
// (as the `env` key provider gives), so encrypted envelopes are parsed and checked without the
// seconds PBKDF2 spends on a passphrase. corpus/*/encrypted-* seeds are sealed with this key.
#pragma once

#include <string>

#include "core/state/aes_gcm.h"
#include "core/state/encryption.h"

namespace plinth::fuzz {

inline const StateCodec& fuzz_codec() {
    static const StateCodec codec(
        {EncryptionKey{EncryptionKey::Kind::Raw, std::string(k_aes_key_bytes, 'k'), "env", "key_provider"}});
    return codec;
}

}  // namespace plinth::fuzz
