import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ChangeCache } from './change-cache.ts'
import type { ChangeFeed } from './change-feed.ts'
import { fakeFeed } from '../../test-support/fake-change-feed.ts'

const counting = () => {
  let loads = 0
  return {
    load: async () => ++loads,
    get loads() {
      return loads
    },
  }
}

test('a value is read once and kept until a change that forgets it', async () => {
  const feed = fakeFeed()
  const cache = new ChangeCache(feed as unknown as ChangeFeed, (c, key) => c.kind === 'user' && c.userId === key)
  const reads = counting()
  assert.equal(await cache.get('u1', reads.load), 1)
  assert.equal(await cache.get('u1', reads.load), 1, 'kept')
  feed.change({ kind: 'user', userId: 'u2' })
  assert.equal(await cache.get('u1', reads.load), 1, 'another user’s change keeps it')
  feed.change({ kind: 'user', userId: 'u1' })
  assert.equal(await cache.get('u1', reads.load), 2, 'its own change forgets it')
})

test('a value read while a change was heard is not kept', async () => {
  const feed = fakeFeed()
  const cache = new ChangeCache(feed as unknown as ChangeFeed, () => true)
  let n = 0
  const racing = async () => {
    n++
    feed.change({ kind: 'work' }) // committed while the read was under way
    return n
  }
  assert.equal(await cache.get('k', racing), 1)
  await Promise.resolve()
  assert.equal(await cache.get('k', async () => ++n), 2, 'read again')
  assert.equal(await cache.get('k', async () => ++n), 2, 'and now kept')
})

test('nothing is answered from memory while the feed does not listen', async () => {
  const feed = fakeFeed()
  const cache = new ChangeCache(feed as unknown as ChangeFeed, () => false)
  const reads = counting()
  await cache.get('k', reads.load)
  feed.live = false
  assert.equal(await cache.get('k', reads.load), 2)
  assert.equal(await cache.get('k', reads.load), 3)
})
