// Independent, offline verification of TT Academy credentials with Digital Bazaar's libraries.
//
// Reads one JSON object on stdin:
//   {"credentials": [...], "didDocument": {...}, "contexts": {"<url>": <context document>, ...},
//    "statusLists": {"<statusListCredential url>": <status list credential>, ...}}
// and prints one JSON array on stdout, one result per credential:
//   [{"verified": true|false, "error": "...", "status": {"revocation": true|false, ...}}, ...].
// "verified" covers the proof and, for a credential with a credentialStatus, the signed status
// lists it points to (checked with @digitalbazaar/vc-bitstring-status-list); "status" gives each
// purpose's bit (true: revoked / suspended). The document loader answers only from the given
// contexts, DID document and status lists: no network.
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const {credentials, didDocument, contexts, statusLists = {}} = JSON.parse(
  Buffer.concat(chunks).toString('utf8'));

function documentLoader(url) {
  if (Object.hasOwn(contexts, url)) {
    return {contextUrl: null, documentUrl: url, document: contexts[url]};
  }
  if (Object.hasOwn(statusLists, url)) {
    return {contextUrl: null, documentUrl: url, document: statusLists[url]};
  }
  const [did] = url.split('#');
  if (did === didDocument.id) {
    if (url === did) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    const method = didDocument.verificationMethod.find(m => m.id === url);
    if (method) {
      const document = {'@context': 'https://w3id.org/security/multikey/v1', ...method};
      return {contextUrl: null, documentUrl: url, document};
    }
  }
  throw new Error(`offline document loader: ${url} is not available`);
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const results = [];
for (const credential of credentials) {
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  const failure = result.error ?? result.statusResult?.error;
  const error = failure ? String(failure.errors?.map(e => e.message) ?? failure.message) : '';
  const status = {};
  for (const {credentialStatus, status: bit} of result.statusResult?.results ?? []) {
    status[credentialStatus.statusPurpose] = bit;
  }
  results.push({verified: result.verified, error, status});
}
process.stdout.write(JSON.stringify(results) + '\n');
