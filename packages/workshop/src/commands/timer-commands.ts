import {
  extendTimer,
  idleTimer,
  pauseTimer,
  type Result,
  resumeTimer,
  startTimer,
  type Timer,
} from '@accord/facilitation'
import { defineCommand } from './command.js'
import { changeState } from './phase-commands.js'

function timerChange(timer: Result<Timer>) {
  return timer.ok ? { ok: true as const, value: { timer: timer.value } } : timer
}

export const timerStart = defineCommand('timer.start', {
  requires: 'room.facilitate',
  action: 'run the timer',
  run: (context, input) =>
    changeState(context, () => timerChange(startTimer(input.seconds * 1000, context.now()))),
})

export const timerPause = defineCommand('timer.pause', {
  requires: 'room.facilitate',
  action: 'run the timer',
  run: (context) =>
    changeState(context, (state) => timerChange(pauseTimer(state.timer, context.now()))),
})

export const timerResume = defineCommand('timer.resume', {
  requires: 'room.facilitate',
  action: 'run the timer',
  run: (context) =>
    changeState(context, (state) => timerChange(resumeTimer(state.timer, context.now()))),
})

export const timerExtend = defineCommand('timer.extend', {
  requires: 'room.facilitate',
  action: 'run the timer',
  run: (context, input) =>
    changeState(context, (state) =>
      timerChange(extendTimer(state.timer, input.seconds * 1000, context.now())),
    ),
})

export const timerReset = defineCommand('timer.reset', {
  requires: 'room.facilitate',
  action: 'run the timer',
  run: (context) => changeState(context, () => timerChange({ ok: true, value: idleTimer })),
})
