import { Hono } from 'honox'

console.log(typeof Hono)
