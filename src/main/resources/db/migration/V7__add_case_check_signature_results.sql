-- The SM2 results of the registry-record signatures as of a case's last check, so that opening a case need not verify
-- them again: a JSON object from the SM3 digest of each check's inputs (signer key id, signature, canonical record
-- bytes) to true (the signature matches) or false. Keyed by input digest, an entry can only be used for exactly the
-- record it was computed for; whether the key is trusted or revoked is decided afresh on every use.
-- NULL for cases last checked before this column existed (their signatures are then verified on opening).
ALTER TABLE case_check ADD COLUMN signature_results JSON;
