import { describe, expect, it } from 'vitest'
import { allowsHost, hostnameOf, hostPolicyFor, isLoopbackListenAddress } from './host-policy.js'

const publicUrl = { origin: 'https://accord.example.com', hostname: 'accord.example.com' }
const loopbackOnly = hostPolicyFor({ publicUrl: null, listenHost: '127.0.0.1' })
const withPublicUrl = hostPolicyFor({ publicUrl, listenHost: '127.0.0.1' })

describe('host policy', () => {
  it('knows which listen addresses are loopback only', () => {
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1']) {
      expect(isLoopbackListenAddress(host), host).toBe(true)
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'accord.example.com', '::ffff:10.0.0.1']) {
      expect(isLoopbackListenAddress(host), host).toBe(false)
    }
  })

  it('without ACCORD_PUBLIC_URL on loopback: loopback names only, any port', () => {
    expect(loopbackOnly).toEqual({ kind: 'listed', publicHostname: null })
    for (const host of [
      'localhost',
      'localhost:8787',
      'LOCALHOST.:8787',
      'accord.localhost:8787',
      '127.0.0.1:8787',
      '127.1:8787',
      '[::1]:8787',
      '[0:0:0:0:0:0:0:1]',
    ]) {
      expect(allowsHost(loopbackOnly, host), host).toBe(true)
    }
    for (const host of [
      'evil.example',
      'evil.example:8787',
      'localhost.evil.example',
      '127.0.0.1.evil.example',
      '10.0.0.1:8787',
      '[::2]',
      '',
      'localhost@evil.example',
      'evil.example/localhost',
      'local host',
    ]) {
      expect(allowsHost(loopbackOnly, host), host).toBe(false)
    }
  })

  it('with ACCORD_PUBLIC_URL: its host name (any case, any port) and the loopback names', () => {
    for (const host of [
      'accord.example.com',
      'Accord.Example.COM:443',
      'accord.example.com.',
      'localhost:8787',
    ]) {
      expect(allowsHost(withPublicUrl, host), host).toBe(true)
    }
    for (const host of ['evil.example', 'example.com', 'x.accord.example.com', '203.0.113.7']) {
      expect(allowsHost(withPublicUrl, host), host).toBe(false)
    }
    // Whatever the server listens on.
    expect(hostPolicyFor({ publicUrl, listenHost: '0.0.0.0' })).toEqual(withPublicUrl)
  })

  it('without ACCORD_PUBLIC_URL on a network interface: any host, as before', () => {
    const open = hostPolicyFor({ publicUrl: null, listenHost: '0.0.0.0' })
    expect(open).toEqual({ kind: 'any' })
    expect(allowsHost(open, 'evil.example')).toBe(true)
  })

  it('reads a Host header the way URLs do', () => {
    expect(hostnameOf('Accord.Example.com:8443')).toBe('accord.example.com')
    expect(hostnameOf('[::1]:8787')).toBe('[::1]')
    expect(hostnameOf('127.1')).toBe('127.0.0.1')
    expect(hostnameOf('a:b:c')).toBeNull()
  })
})
